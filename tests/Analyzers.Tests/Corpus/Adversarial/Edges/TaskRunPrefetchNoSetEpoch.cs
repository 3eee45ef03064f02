// Scenario: each epoch a Task.Run producer enumerates the sharded loader into a bounded queue while the training thread consumes it; the shard's epoch is never set; wrong.
using System.Collections.Concurrent;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.TaskRunPrefetchNoSetEpoch;

public static class PipelinedTraining
{
    public static async Task FitAsync(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int epochs, CancellationToken token)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 11);
        using var train = new EpochDataLoader(data, batchSize: 32, sampler: shard, dropLast: true, disposeBatches: false);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var queue = new BlockingCollection<Dictionary<string, Tensor>>(boundedCapacity: 8);
            var producer = Task.Run(() =>
            {
                try
                {
                    foreach (var batch in train) //! CMP002
                        queue.Add(batch, token);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            }, token);

            int steps = 0;
            foreach (var batch in queue.GetConsumingEnumerable(token))
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                foreach (var t in batch.Values) t.Dispose();
                steps++;
            }

            await producer;
            Console.WriteLine($"rank {Dist.Rank} epoch {epoch}: {steps} steps");
        }
    }
}
