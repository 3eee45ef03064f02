// Scenario: TorchSharp DataLoaders in one epoch loop: shuffle: true with seed 42 (Epochs.SetEpoch on it too), shuffle: true without seed, a RandomSampler shuffler set with Epochs.SetEpoch, one never set, one set through a stored lambda on the shuffler variable, and a DistributedSampler shuffler set with epoch + 1 after the iteration. Run: seeded and forgotten repeat, the other four differ. CMP003 on seeded's creation, CMP002 on forgotten.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S06;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(30);
        var shuffler = new RandomSampler(data.Count, seed: 5);
        var ddp = new DistributedSampler(data.Count, numReplicas: 2, rank: 1, seed: 5);
        using var seeded = new TorchSharp.Modules.DataLoader(data, 6, shuffle: true, seed: 42); //! CMP003
        using var unseeded = new TorchSharp.Modules.DataLoader(data, 6, shuffle: true);
        using var helped = new TorchSharp.Modules.DataLoader(data, 6, new RandomSampler(data.Count, seed: 42));
        using var forgotten = new TorchSharp.Modules.DataLoader(data, 6, new RandomSampler(data.Count, seed: 5));
        using var viaLambda = new TorchSharp.Modules.DataLoader(data, 6, shuffler);
        using var shard = new TorchSharp.Modules.DataLoader(data, 6, ddp);

        Action<int> reshuffle = e => shuffler.SetEpoch(e);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Epochs.SetEpoch(seeded, epoch);
            Epochs.SetEpoch(helped, epoch);
            reshuffle(epoch);
            foreach (var batch in seeded) rec.Add("seeded (shuffle: true, seed: 42, Epochs.SetEpoch)", epoch, batch);
            foreach (var batch in unseeded) rec.Add("unseeded (shuffle: true)", epoch, batch);
            foreach (var batch in helped) rec.Add("helped (RandomSampler shuffler, Epochs.SetEpoch)", epoch, batch);
            foreach (var batch in forgotten) rec.Add("forgotten (RandomSampler shuffler, never set)", epoch, batch); //! CMP002
            foreach (var batch in viaLambda) rec.Add("viaLambda (stored lambda sets shuffler)", epoch, batch);
            foreach (var batch in shard) rec.Add("shard (ddp.SetEpoch(epoch + 1) after)", epoch, batch);
            ddp.SetEpoch(epoch + 1);
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
