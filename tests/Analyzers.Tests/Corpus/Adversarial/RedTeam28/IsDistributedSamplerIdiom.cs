// Scenario: PyTorch's idiom ported, `if (loader.Sampler is DistributedSampler ds) ds.SetEpoch(epoch)`, on a shuffle: true loader and on a loader given a RandomSampler; and `is RandomSampler rs` on a shuffle: true loader. Run on 1 rank: train and explicitSampler repeat (their sampler is a RandomSampler, the test fails), cast differs; with OMPI_COMM_WORLD_SIZE=2: explicitSampler and cast repeat (shuffle: true then makes a DistributedSampler), train differs. Analyzer silent: the pages count a setter behind any type test on L.Sampler as setting it. Not flagged, a limit the pages now name: no markers.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S07;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(40);
        // Ported from PyTorch: `if isinstance(train_loader.sampler, DistributedSampler): train_loader.sampler.set_epoch(epoch)`
        var train = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 9);
        var explicitSampler = new EpochDataLoader(data, batchSize: 8, sampler: new RandomSampler(data.Count, seed: 9));
        var cast = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 9);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            if (train.Sampler is DistributedSampler ds) ds.SetEpoch(epoch);
            if (explicitSampler.Sampler is DistributedSampler eds) eds.SetEpoch(epoch);
            if (cast.Sampler is RandomSampler rs) rs.SetEpoch(epoch);
            foreach (var batch in train) rec.Add($"train (shuffle: true, 'is DistributedSampler', {Dist.WorldSize} rank(s))", epoch, batch);
            foreach (var batch in explicitSampler) rec.Add("explicitSampler (RandomSampler, 'is DistributedSampler')", epoch, batch);
            foreach (var batch in cast) rec.Add($"cast (shuffle: true, 'is RandomSampler', {Dist.WorldSize} rank(s))", epoch, batch);
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
