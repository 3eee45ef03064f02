// Scenario: a DDP training function builds its loader locally from a DistributedSampler (no batch sampler) and casts loader.Sampler to DistributedSampler to set the epoch: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Ddp.Functions;

public static class DdpTraining
{
    public static void Train(InMemoryDataset dataset, nn.Module<Tensor, Tensor> model, int epochs, int batchSize = 32)
    {
        var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01 * Dist.WorldSize);

        using var loader = new EpochDataLoader(
            dataset,
            batchSize: batchSize,
            sampler: new DistributedSampler(dataset.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 42));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ((DistributedSampler)loader.Sampler).SetEpoch(epoch);
            var seen = 0L;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.binary_cross_entropy_with_logits(model.forward(batch["data"]).squeeze(-1), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                seen += batch["label"].shape[0];
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {seen} samples on rank 0");
        }
    }
}
