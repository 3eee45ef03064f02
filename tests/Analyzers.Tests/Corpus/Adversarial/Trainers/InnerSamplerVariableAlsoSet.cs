// Scenario: a loader is built from a BatchSampler over a DistributedSampler variable; the loop keeps an old loader.Sampler epoch line but also sets the epoch on that inner DistributedSampler variable: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Ddp.Batches;

public static class ShardedBatches
{
    public static void Train(InMemoryDataset dataset, nn.Module<Tensor, Tensor> model, int epochs, int rank, int worldSize)
    {
        var shard = new DistributedSampler(dataset.Count, numReplicas: worldSize, rank: rank, seed: 2024);
        var batches = new BatchSampler(shard, batchSize: 32, dropLast: true);
        using var loader = new EpochDataLoader(dataset, batchSampler: batches);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware aware) aware.SetEpoch(epoch); // left from the version without a batch sampler
            shard.SetEpoch(epoch);                                          // the sampler inside the batch sampler

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.nll_loss(nn.functional.log_softmax(model.forward(batch["data"]), 1), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"rank {rank}: epoch {epoch} ({batches.Count} batches)");
        }
    }
}
