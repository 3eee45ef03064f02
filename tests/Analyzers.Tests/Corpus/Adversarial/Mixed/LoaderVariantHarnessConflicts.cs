// Scenario: a harness that compares loader variants built by a switch expression; two arms are rejected by the runtime — shuffle `true` passed positionally beside a DistributedSampler, and a target-typed `new(…)` with a P×K batch sampler and dropLast: true (CMP006 each); the other arms and a generic token loader are fine, and every variant's epoch is set in its epoch loop.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Harness;

public enum Variant { Plain, Sharded, Pk, Batched, Unshuffled }

public sealed record VariantResult(Variant Variant, long Batches, double Seconds);

public sealed class TokenDataset(long[][] rows) : torch.utils.data.Dataset<long[]>
{
    public override long Count => rows.Length;
    public override long[] GetTensor(long index) => rows[index];
}

public static class LoaderHarness
{
    private const bool Shuffle = true;

    public static EpochDataLoader Build(InMemoryDataset data, IReadOnlyList<long> labels, Variant variant) => variant switch
    {
        Variant.Plain => new EpochDataLoader(data, 128, Shuffle, null),
        Variant.Sharded => new EpochDataLoader(data, 128, true, new DistributedSampler(data.Count, 2, 0, seed: 8)), //! CMP006
        Variant.Pk => new(data, batchSampler: new ClassBalancedBatchSampler(labels, 8, 8, seed: 8), dropLast: true), //! CMP006
        Variant.Batched => new EpochDataLoader(data, batchSampler: new BatchSampler(new RandomSampler(data.Count, seed: 8), 128)),
        Variant.Unshuffled => new EpochDataLoader(data, batchSize: 128, shuffle: false, dropLast: true),
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    public static Tensor Collate(IReadOnlyList<long[]> rows, Device device)
    {
        var width = rows.Max(r => r.Length);
        var padded = new long[rows.Count * width];
        for (int i = 0; i < rows.Count; i++)
            Array.Copy(rows[i], 0, padded, i * width, rows[i].Length);
        return torch.tensor(padded).reshape(rows.Count, width).to(device);
    }

    public static IReadOnlyList<VariantResult> Compare(int epochs)
    {
        const long rows = 8192;
        var labels = Enumerable.Range(0, (int)rows).Select(i => (long)(i % 64)).ToList();
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(rows, 32),
            ["label"] = torch.tensor(labels.ToArray()),
        });

        var results = new List<VariantResult>();
        foreach (var variant in Enum.GetValues<Variant>())
        {
            EpochDataLoader loader;
            try { loader = Build(data, labels, variant); }
            catch (ArgumentException ex) { Console.WriteLine($"{variant}: rejected ({ex.ParamName})"); continue; }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            long batches = 0;
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                loader.SetEpoch(epoch);
                foreach (var batch in loader) batches += batch["label"].shape[0] > 0 ? 1 : 0;
            }
            results.Add(new VariantResult(variant, batches, watch.Elapsed.TotalSeconds));
            loader.Dispose();
        }

        var random = new Random(1);
        var tokens = new TokenDataset(Enumerable.Range(0, 500).Select(_ => Enumerable.Range(0, random.Next(3, 9)).Select(_ => (long)random.Next(100)).ToArray()).ToArray());
        using var tokenLoader = new EpochDataLoader<long[], Tensor>(tokens, Collate, batchSize: 16, sampler: new RandomSampler(tokens.Count, seed: 4));
        Console.WriteLine($"token batch shape: [{string.Join(", ", tokenLoader.First().shape)}]");

        Console.WriteLine(Summarise(results));
        return results;
    }

    public static string Summarise(IReadOnlyList<VariantResult> results)
    {
        if (results.Count == 0) return "no variant ran";
        var fastest = results.MinBy(r => r.Seconds)!;
        var lines = new List<string>();
        foreach (var r in results.OrderBy(r => r.Seconds))
        {
            var relative = fastest.Seconds == 0 ? 1 : r.Seconds / fastest.Seconds;
            lines.Add($"{r.Variant,-10} {r.Batches,6} batches {r.Seconds,6:F2}s ({relative:F2}x)");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
