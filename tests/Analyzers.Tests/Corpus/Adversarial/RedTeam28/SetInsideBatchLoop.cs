// Scenario: The epoch set inside the batch loop: shard.SetEpoch(epoch) at step 0 of a prefetching loader over BatchSampler(shard), and Epochs.SetEpoch(aux, epoch) at step 1 of a workers: 2 loader. Run: both repeat epochs 0 and 1. CMP005 on both.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S10;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(32);
        var shard = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 2);
        var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 8), prefetch: true);
        var aux = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 4, workers: 2);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            int step = 0;
            foreach (var batch in train)
            {
                if (step == 0) shard.SetEpoch(epoch); //! CMP005
                rec.Add("train (shard set at step 0)", epoch, batch);
                step++;
            }
            foreach (var (batch, i) in aux.Select((b, i) => (b, i)))
            {
                if (i == 1) Epochs.SetEpoch(aux, epoch); //! CMP005
                rec.Add("aux (set at step 1, workers: 2)", epoch, batch);
            }
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
