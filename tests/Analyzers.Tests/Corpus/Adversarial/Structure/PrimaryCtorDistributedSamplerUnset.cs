// Scenario: a data-parallel trainer takes its DistributedSampler through a primary constructor (dependency injection), builds its loader in a field initializer from it, and iterates it every epoch without ever setting the epoch (wrong: every epoch and every rank keep the same order).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.PrimaryCtorDistributedSamplerUnset;

public sealed record TrainerHyper(int Epochs, int BatchSize, double LearningRate);

public sealed class DataParallelTrainer(InMemoryDataset data, DistributedSampler shard, TrainerHyper hp)
{
    private readonly EpochDataLoader _loader = new(data, batchSize: hp.BatchSize, sampler: shard, workers: 2);

    public void Fit(nn.Module<Tensor, Tensor> model)
    {
        var optimizer = optim.Adam(model.parameters(), lr: hp.LearningRate);
        using var allReduce = new GradientAllReducer(model);
        for (int epoch = 0; epoch < hp.Epochs; epoch++)
        {
            model.train();
            foreach (var batch in _loader) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                allReduce.AverageGradients();
                optimizer.step();
            }
            Dist.Barrier();
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} finished on {Dist.WorldSize} ranks");
        }
    }
}

public static class CompositionRoot
{
    public static DataParallelTrainer Create(InMemoryDataset data, TrainerHyper hp) =>
        new DataParallelTrainer(data, new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 42), hp);
}
