// Scenario: Setters that reach loaders through their sampler objects: loader.BatchSampler of a shuffle: true loader, Epochs.SetEpoch on the DistributedSampler variable a batch sampler was built from, a switch on a ClassBalancedBatchSampler, and two loaders (images, masks) sharing one RandomSampler with only images.SetEpoch(epoch). Run: all five differ. CMP002 on maskLoader (the run says it differs; the pages name it as a limit, so it is marked).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S15;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(40);
        var masks = Orders.Data(40);
        var labels = Orders.Labels(40);
        var shuffled = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 12);
        var shard = new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 12);
        var sharded = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 5));
        var pk = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 2, 4, seed: 12));
        // Images and masks stay aligned: both loaders draw from one sampler.
        var paired = new RandomSampler(data.Count, seed: 12);
        var images = new EpochDataLoader(data, batchSize: 8, sampler: paired);
        var maskLoader = new EpochDataLoader(masks, batchSize: 8, sampler: paired);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            if (shuffled.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
            Epochs.SetEpoch(shard, epoch);
            switch (pk.BatchSampler)
            {
                case ClassBalancedBatchSampler balanced: balanced.SetEpoch(epoch); break;
                default: pk.SetEpoch(epoch); break;
            }
            images.SetEpoch(epoch);
            foreach (var batch in shuffled) rec.Add("shuffled (loader.BatchSampler set)", epoch, batch);
            foreach (var batch in sharded) rec.Add("sharded (Epochs.SetEpoch(shard variable))", epoch, batch);
            foreach (var batch in pk) rec.Add("pk (switch on BatchSampler)", epoch, batch);
            foreach (var (image, mask) in images.Zip(maskLoader)) //! CMP002
            {
                rec.Add("images (SetEpoch)", epoch, image);
                rec.Add("maskLoader (shares images' sampler)", epoch, mask);
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
