// Scenario: Loaders rebuilt every epoch with the LOADER's seed changing (seed: epoch, seed: 1000 + epoch) while the order comes from a batch sampler or sampler with a fixed seed (7). Run: all three repeat every epoch (EpochDataLoader's seed only seeds the sampler made for shuffle: true and per-sample generators), and the runtime's replay guard cannot see it (new loader each epoch). The pages now say a loader's own seed beside a sampler given does not decide the order: CMP002 on each.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S18;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(40);
        var labels = Orders.Labels(40);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            // "seed: epoch so that every epoch gets a new order"
            using var shards = new EpochDataLoader(data,
                batchSampler: new BatchSampler(new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 7), 5),
                seed: epoch);
            foreach (var batch in shards) rec.Add("shards (loader seed: epoch, batch sampler seed 7)", epoch, batch); //! CMP002

            using var pk = new EpochDataLoader(data,
                batchSampler: new ClassBalancedBatchSampler(labels, 2, 4, seed: 7), seed: 1000 + epoch);
            foreach (var batch in pk) rec.Add("pk (loader seed: 1000 + epoch)", epoch, batch); //! CMP002

            using var picked = new EpochDataLoader(data, batchSize: 8, sampler: new RandomSampler(data.Count, seed: 7), seed: epoch);
            foreach (var batch in picked) rec.Add("picked (loader seed: epoch, sampler seed 7)", epoch, batch); //! CMP002
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
