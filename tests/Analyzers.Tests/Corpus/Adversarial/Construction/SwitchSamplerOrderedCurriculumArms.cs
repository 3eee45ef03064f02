// Scenario: A curriculum trainer picks its sampler with a switch expression whose arms are all order-preserving (SequentialSampler, DistributedSampler with shuffle: false) and iterates the loader every epoch without setting an epoch; the order does not depend on the epoch (negative).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Curriculum;

public enum Placement { SingleProcess, Sharded, ShardedDropLast }

public static class OrderedCurriculum
{
    public static void Train(InMemoryDataset sortedByDifficulty, Placement placement, nn.Module<Tensor, Tensor> model, int epochs)
    {
        long n = sortedByDifficulty.Count;
        ISampler sampler = placement switch
        {
            Placement.Sharded => new DistributedSampler(n, shuffle: false),
            Placement.ShardedDropLast => new DistributedSampler(n, Dist.WorldSize, Dist.Rank, shuffle: false, dropLast: true),
            _ => new SequentialSampler(n),
        };
        using var loader = new EpochDataLoader(sortedByDifficulty, batchSize: 64, sampler: sampler);
        var optimizer = optim.SGD(model.parameters(), 0.05);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double fraction = Math.Min(1.0, 0.3 + 0.7 * epoch / Math.Max(1, epochs - 1));
            int batchesThisEpoch = (int)Math.Ceiling(loader.Count * fraction);
            model.train();
            foreach (var batch in loader.Take(batchesThisEpoch))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: trained on the easiest {fraction:P0}");
        }
    }
}
