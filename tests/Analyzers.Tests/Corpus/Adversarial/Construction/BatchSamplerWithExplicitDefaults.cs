// Scenario: A port spells out every PyTorch default next to a batch sampler (batchSize: 1, shuffle: false, sampler: null, dropLast: false), all accepted by the runtime, and sets the epoch on the batch sampler variable each pass (negative).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace ExplicitDefaults;

public static class DistributedBatchTraining
{
    public static void Train(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var indices = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 31);
        var batches = new BatchSampler(indices, batchSize: 48, dropLast: true);
        using var loader = new EpochDataLoader(
            data,
            batchSize: 1,
            shuffle: false,
            sampler: null,
            batchSampler: batches,
            dropLast: false,
            prefetch: true);

        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3, amsgrad: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            batches.SetEpoch(epoch);
            long steps = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                optimizer.step();
                steps++;
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {steps} steps");
        }
    }
}
