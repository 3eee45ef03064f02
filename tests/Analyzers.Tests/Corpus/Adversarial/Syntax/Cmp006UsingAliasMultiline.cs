// Scenario: a P×K loader created through a same-file `using Loader = Composer.Data.EpochDataLoader;` alias, spread over several lines, with a const batch size and `dropLast: true` next to the batch sampler (bug: CMP006 twice, on the creation's first line).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using Loader = Composer.Data.EpochDataLoader;

namespace RedTeam.A.Cmp006UsingAliasMultiline;

public static class Program
{
    private const int BatchSize = 32;

    public static void Main()
    {
        var labels = Enumerable.Range(0, 2000).Select(i => (long)(i % 50)).ToArray();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(2000, 64), ["label"] = tensor(labels) });

        using var pk =
            new Loader( //! CMP006 CMP006
                data,
                batchSize: BatchSize,
                dropLast: true,
                batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 1));

        for (int epoch = 0; epoch < 3; epoch++)
        {
            pk.SetEpoch(epoch);
            foreach (var batch in pk) Console.WriteLine(batch["label"].shape[0]);
        }
    }
}
