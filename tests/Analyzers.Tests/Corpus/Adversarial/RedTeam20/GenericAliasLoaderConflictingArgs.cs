// Scenario: a siamese-pairs pipeline names the generic loader through a using alias, `using PairLoader = Composer.Data.EpochDataLoader<Pair, PairBatch>;`, and builds it positionally as `new PairLoader(pairs, Collate, 32, false, null, pk)` — a batch size of 32 next to a P×K batch sampler, which the runtime rejects. CMP006 flags "`new Loader(…)` through a `using` alias declared in the same file", "named or positional": CMP006 once (batchSize; shuffle is false and sampler null).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using PairLoader = Composer.Data.EpochDataLoader<RedTeam20.GenericAliasLoaderConflictingArgs.Pair, RedTeam20.GenericAliasLoaderConflictingArgs.PairBatch>;

namespace RedTeam20.GenericAliasLoaderConflictingArgs;

public sealed record Pair(Tensor Left, Tensor Right, long Label);

public sealed record PairBatch(Tensor Left, Tensor Right, Tensor Labels);

public sealed class PairDataset(List<Pair> pairs) : torch.utils.data.Dataset<Pair>
{
    public override long Count => pairs.Count;
    public override Pair GetTensor(long index) => pairs[(int)index];
}

public static class Program
{
    static PairBatch Collate(IReadOnlyList<Pair> items, Device device) =>
        new(stack(items.Select(p => p.Left).ToArray()).to(device), stack(items.Select(p => p.Right).ToArray()).to(device), tensor(items.Select(p => p.Label).ToArray()).to(device));

    public static void Main()
    {
        var items = Enumerable.Range(0, 640).Select(i => new Pair(randn(16), randn(16), i % 16)).ToList();
        var pairs = new PairDataset(items);
        var pk = new ClassBalancedBatchSampler(items.Select(p => p.Label).ToArray(), classesPerBatch: 4, samplesPerClass: 8, seed: 2);
        using var loader = new PairLoader(pairs, Collate, 32, false, null, pk); //! CMP006
        for (int epoch = 0; epoch < 3; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader) Console.WriteLine(batch.Labels.shape[0]);
        }
    }
}
