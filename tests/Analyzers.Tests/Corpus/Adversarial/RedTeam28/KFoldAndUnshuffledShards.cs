// Scenario: K-fold training: per fold, train's DistributedSampler set with fold * epochs + epoch through `is DistributedSampler { Shuffle: true } ddp`, foldLoader set with SetEpoch(fold), and an evaluation loader over DistributedSampler(shuffle: false). Run: train differs; foldLoader repeats within each fold; eval repeats by design. CMP004 on SetEpoch(fold).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S17;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(40);
        const int folds = 2, epochs = 3;
        var eval = new EpochDataLoader(data, batchSize: 10,
            sampler: new DistributedSampler(data.Count, numReplicas: 2, rank: 0, shuffle: false));
        var train = new EpochDataLoader(data, batchSize: 10,
            sampler: new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 4));
        var foldLoader = new EpochDataLoader(data, batchSize: 10, shuffle: true, seed: 4);

        for (int fold = 0; fold < folds; fold++)
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                if (train.Sampler is DistributedSampler { Shuffle: true } ddp) ddp.SetEpoch(fold * epochs + epoch);
                foldLoader.SetEpoch(fold); //! CMP004
                foreach (var batch in train) rec.Add($"train fold {fold}", epoch, batch);
                foreach (var batch in foldLoader) rec.Add($"foldLoader fold {fold} (SetEpoch(fold))", epoch, batch);
                foreach (var batch in eval) rec.Add($"eval fold {fold} (shuffle: false)", epoch, batch);
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
