// Scenario: A wrapper class (DeviceFeed) around an EpochDataLoader, iterated in the epoch loop: Epochs.SetEpoch(feed, epoch) on the wrapper (it has no sampler members and no setter: it sets nothing) versus aux.SetEpoch(epoch) on the inner loader. Run: feed repeats (the runtime's replay guard warns under Warn), auxFeed differs. Analyzer silent: the wrapper is no loader and the iteration through another object's GetEnumerator is not followed (CMP002.md line 204). Documented MISS. No markers.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S14;

/// Moves each batch to the device and counts batches: a wrapper users write around a loader.
public sealed class DeviceFeed : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly EpochDataLoader _inner;
    private readonly Device _device;
    public DeviceFeed(EpochDataLoader inner, Device device) { _inner = inner; _device = device; }
    public long Batches { get; private set; }
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var batch in _inner)
        {
            Batches++;
            yield return batch.ToDictionary(c => c.Key, c => c.Value.to(_device));
        }
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(32);
        var train = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 6);
        var aux = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 6);
        var feed = new DeviceFeed(train, CPU);
        var auxFeed = new DeviceFeed(aux, CPU);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            Epochs.SetEpoch(feed, epoch);
            aux.SetEpoch(epoch);
            foreach (var batch in feed) rec.Add("feed (Epochs.SetEpoch(wrapper))", epoch, batch);
            foreach (var batch in auxFeed) rec.Add("auxFeed (inner loader set)", epoch, batch);
        }
        rec.Report();
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
