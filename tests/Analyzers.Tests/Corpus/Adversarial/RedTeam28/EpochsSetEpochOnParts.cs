// Scenario: Epochs.SetEpoch handed a loader's part instead of the loader: shard.Sampler (a DistributedSampler given as sampler:), pk.BatchSampler (a ClassBalancedBatchSampler) and batched.Sampler (a SequentialSampler, the loader draws from a batch sampler). Run: shard and pk differ (Epochs.SetEpoch falls back to the object's own SetEpoch), batched repeats. CMP001 on batched only. CMP001's page now says Epochs.SetEpoch on a sampler calls its own SetEpoch, as the run shows.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S05;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(40);
        var shard = new EpochDataLoader(data, batchSize: 5, sampler: new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 3));
        var pk = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(Orders.Labels(40), classesPerBatch: 2, samplesPerClass: 4, seed: 1));
        var batched = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new RandomSampler(data.Count, seed: 11), 8));

        for (int epoch = 0; epoch < 3; epoch++)
        {
            Epochs.SetEpoch(shard.Sampler, epoch);
            Epochs.SetEpoch(pk.BatchSampler, epoch);
            Epochs.SetEpoch(batched.Sampler, epoch); //! CMP001
            foreach (var batch in shard) rec.Add("shard (Epochs.SetEpoch(loader.Sampler))", epoch, batch);
            foreach (var batch in pk) rec.Add("pk (Epochs.SetEpoch(loader.BatchSampler))", epoch, batch);
            foreach (var batch in batched) rec.Add("batched (Epochs.SetEpoch(loader.Sampler))", epoch, batch);
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
