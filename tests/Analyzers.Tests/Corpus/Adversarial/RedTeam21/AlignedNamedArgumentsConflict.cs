// Scenario: a distributed loader whose named arguments are aligned in columns, one per line with comments, and which passes `batchSize: 64` next to a batch sampler: wrong - CMP006. The fix removes `batchSize`; the other lines, their alignment and their comments are not its business.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.AlignedNamedArgumentsConflict;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1024, 8), ["label"] = randint(0, 4, 1024) });
        var shard = new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 77);
        using var loader = new EpochDataLoader(data, //! CMP006
            batchSize:    64,                          // per rank
            batchSampler: new BatchSampler(shard, 64), // shard-aware batches
            dropLast:     false,                       // keep the tail
            seed:         77);                         // same seed on every rank

        for (int epoch = 0; epoch < 3; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader) Console.WriteLine(batch["data"].shape[0]);
        }
    }
}
