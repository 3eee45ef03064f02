// Scenario: a List<long> named sampler holds a length-sorted order (the same every epoch on purpose) given to TorchSharp's DataLoader as its shuffler, and a Func named loader builds evaluation loaders per batch size; nothing here reshuffles by epoch — correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Text;

public sealed class BagOfTokens : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _embed;
    private readonly Linear _head;

    public BagOfTokens(long vocab, long dim, long classes) : base(nameof(BagOfTokens))
    {
        _embed = nn.Embedding(vocab, dim);
        _head = nn.Linear(dim, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens) => _head.forward(_embed.forward(tokens).mean(new long[] { 1 }));
}

public static class TokenStats
{
    public static Dictionary<long, int> Histogram(IEnumerable<long> lengths)
    {
        var histogram = new Dictionary<long, int>();
        foreach (var length in lengths)
            histogram[length] = histogram.TryGetValue(length, out var c) ? c + 1 : 1;
        return histogram;
    }

    public static long Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

public sealed class LengthBucketedTraining
{
    private readonly InMemoryDataset _train;
    private readonly InMemoryDataset _eval;
    private readonly long[] _lengths;

    public LengthBucketedTraining(int samples, int maxLen, long vocab)
    {
        var rng = new Random(5);
        _lengths = new long[samples];
        for (int i = 0; i < samples; i++) _lengths[i] = rng.Next(4, maxLen + 1);
        _train = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randint(0, vocab, new long[] { samples, maxLen }),
            ["label"] = torch.randint(0, 2, new long[] { samples }),
        });
        _eval = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randint(0, vocab, new long[] { samples / 5, maxLen }),
            ["label"] = torch.randint(0, 2, new long[] { samples / 5 }),
        });
    }

    /// <summary>Indices sorted by length, so padding stays small. A list, not an epoch-aware sampler.</summary>
    public List<long> BuildOrder()
    {
        var sampler = new List<long>(_lengths.Length);
        for (long i = 0; i < _lengths.Length; i++) sampler.Add(i);
        sampler.Sort((a, b) => _lengths[a].CompareTo(_lengths[b]));
        return sampler;
    }

    public void Run(int epochs)
    {
        var sampler = BuildOrder();
        var sorted = sampler.Select(i => _lengths[i]).ToArray();
        Console.WriteLine($"p50 {TokenStats.Percentile(sorted, 0.5)}, p95 {TokenStats.Percentile(sorted, 0.95)}");
        foreach (var (length, count) in TokenStats.Histogram(sorted).OrderBy(kv => kv.Key))
            Console.WriteLine($"{length,4}: {new string('#', Math.Min(count, 60))}");

        using var train = new DataLoader(_train, 32, sampler);
        Func<int, EpochDataLoader> loader = size => new EpochDataLoader(_eval, batchSize: size);

        var model = new BagOfTokens(1000, 32, 2);
        var optimizer = optim.Adam(model.parameters(), 3e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            int steps = 0;
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: mean loss {total / Math.Max(1, steps):F4}");
        }

        // One pass per batch size, to pick the fastest for serving.
        foreach (var size in new[] { 16, 64, 256 })
        {
            var eval = loader(size);
            long seen = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using (torch.no_grad())
            {
                foreach (var batch in eval)
                {
                    using var _ = model.forward(batch["data"]);
                    seen += batch["label"].shape[0];
                }
            }
            Console.WriteLine($"batch size {size}: {seen} samples in {eval.Count} batches, {watch.ElapsedMilliseconds} ms");
            eval.Dispose();
        }
    }
}
