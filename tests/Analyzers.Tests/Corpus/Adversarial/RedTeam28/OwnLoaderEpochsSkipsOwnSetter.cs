// Scenario: A loader ported from PyTorch (Sampler and Dataset members, IEpochAware itself) whose own SetEpoch reshuffles its index list and sets its epoch-aware data set. Epochs.SetEpoch(viaHelper, epoch) and viaOwn.SetEpoch(epoch). Red team 28's run: viaHelper repeated (Epochs.SetEpoch set only the data set, since a part took the epoch), viaOwn differed; the runtime now calls the loader's own SetEpoch too, after its parts, so both differ. Right: no markers.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S13;

/// A data set whose augmentation changes with the epoch (PyTorch ports give it set_epoch).
public sealed class JitteredSet : torch.utils.data.Dataset, IEpochAware
{
    private readonly InMemoryDataset _inner;
    private int _epoch;
    public JitteredSet(InMemoryDataset inner) => _inner = inner;
    public override long Count => _inner.Count;
    public void SetEpoch(int epoch) => _epoch = epoch;
    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var sample = _inner.GetTensor(index);
        sample["x"] = sample["x"] + 0.01 * _epoch;
        return sample;
    }
}

/// A loader ported from PyTorch: it shuffles its own index list in set_epoch, and keeps a plain sampler for len().
public sealed class ShuffleLoader : IEnumerable<Dictionary<string, Tensor>>, IEpochAware
{
    private readonly int _batchSize, _seed;
    private long[] _order;
    public ShuffleLoader(JitteredSet dataset, int batchSize, int seed)
    {
        Dataset = dataset;
        Sampler = new SequentialSampler(dataset.Count);
        _batchSize = batchSize;
        _seed = seed;
        _order = Shuffled(0);
    }
    public JitteredSet Dataset { get; }
    public ISampler Sampler { get; }
    public void SetEpoch(int epoch)
    {
        Dataset.SetEpoch(epoch);
        _order = Shuffled(epoch);
    }
    private long[] Shuffled(int epoch)
    {
        var order = Sampler.ToArray();
        new Random(_seed + epoch).Shuffle(order);
        return order;
    }
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var chunk in _order.Chunk(_batchSize))
        {
            var samples = chunk.Select(Dataset.GetTensor).ToList();
            yield return samples[0].Keys.ToDictionary(k => k, k => torch.stack(samples.Select(s => s[k]).ToArray()));
        }
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var viaHelper = new ShuffleLoader(new JitteredSet(Orders.Data(24)), batchSize: 6, seed: 8);
        var viaOwn = new ShuffleLoader(new JitteredSet(Orders.Data(24)), batchSize: 6, seed: 8);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Epochs.SetEpoch(viaHelper, epoch);
            viaOwn.SetEpoch(epoch);
            foreach (var batch in viaHelper) rec.Add("viaHelper (Epochs.SetEpoch)", epoch, batch);
            foreach (var batch in viaOwn) rec.Add("viaOwn (loader.SetEpoch)", epoch, batch);
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
