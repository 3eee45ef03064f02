// Scenario: The epoch set on loader.Sampler by a callback holding a loader received in its constructor, and by a helper Fit(EpochDataLoader loader) - both given shuffle:/sampler: loaders without a batch sampler. Run: both differ. CMP001 on both setters: false by the run, documented by CMP001.md line 19 (a loader built out of view may draw from a batch sampler). Marked as the page says.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S16;

public sealed class ReshuffleCallback
{
    private readonly EpochDataLoader _loader;
    public ReshuffleCallback(EpochDataLoader loader) => _loader = loader;

    public void OnEpochStart(int epoch)
    {
        if (_loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
    }
}

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(32);
        var train = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 13);
        var tuned = new EpochDataLoader(data, batchSize: 8, sampler: new RandomSampler(data.Count, seed: 13));
        var callback = new ReshuffleCallback(train);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            callback.OnEpochStart(epoch);
            foreach (var batch in train) rec.Add("train (callback sets loader.Sampler)", epoch, batch);
        }
        Fit(tuned, 3, rec);
        rec.Report();
    }

    static void Fit(EpochDataLoader loader, int epochs, Orders rec)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ((RandomSampler)loader.Sampler).SetEpoch(epoch); //! CMP001
            foreach (var batch in loader) rec.Add("tuned (Fit sets loader.Sampler)", epoch, batch);
        }
    }
}

sealed class Orders
{
    private readonly Dictionary<string, SortedDictionary<int, List<long>>> _seen = new();

    public static InMemoryDataset Data(int n) => new(new Dictionary<string, Tensor>
    {
        ["index"] = torch.arange(n, dtype: ScalarType.Int64),
        ["x"] = torch.randn(n, 4),
        ["label"] = torch.arange(n, dtype: ScalarType.Int64) % 4,
    });

    public static List<long> Labels(int n) => Enumerable.Range(0, n).Select(i => (long)(i % 4)).ToList();

    public void Add(string name, int epoch, Dictionary<string, Tensor> batch)
    {
        if (!_seen.TryGetValue(name, out var epochs)) _seen[name] = epochs = new();
        if (!epochs.TryGetValue(epoch, out var order)) epochs[epoch] = order = new();
        order.AddRange(batch["index"].data<long>().ToArray());
    }

    public void Report()
    {
        foreach (var (name, epochs) in _seen)
        {
            var keys = epochs.Keys.ToList();
            var same = new List<string>();
            for (int a = 0; a < keys.Count; a++)
                for (int b = a + 1; b < keys.Count; b++)
                    if (epochs[keys[a]].SequenceEqual(epochs[keys[b]])) same.Add($"{keys[a]}={keys[b]}");
            Console.WriteLine($"  {name}: {keys.Count} epochs, {(same.Count == 0 ? "all orders DIFFER" : "REPEATS " + string.Join(" ", same))}; epoch 0 starts {string.Join(",", epochs[keys[0]].Take(8))}");
        }
    }
}
