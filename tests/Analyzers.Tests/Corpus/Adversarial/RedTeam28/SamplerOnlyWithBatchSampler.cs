// Scenario: Composer's bug: the epoch set on loader.Sampler only (is-pattern and as/?.) for a loader over BatchSampler(DistributedSampler) and one over ClassBalancedBatchSampler. Run: both repeat every epoch. CMP001 on both setters.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S03;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(48);
        var loader = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 7), 6));
        var pk = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(Orders.Labels(48), classesPerBatch: 2, samplesPerClass: 4, seed: 1));

        for (int epoch = 0; epoch < 3; epoch++)
        {
            if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
            (pk.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
            foreach (var batch in loader) rec.Add("ddp batches", epoch, batch);
            foreach (var batch in pk) rec.Add("pk", epoch, batch);
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
