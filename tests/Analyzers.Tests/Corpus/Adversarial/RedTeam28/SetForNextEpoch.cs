// Scenario: Setting the next epoch at the end of the epoch: late.SetEpoch(epoch) after the iteration, ahead.SetEpoch(epoch + 1) after it, and lastBatch.SetEpoch(epoch + 1) inside the batch loop at the last batch. Run: late repeats epochs 0 and 1 (silent: a documented limit, CMP004.md line 95); ahead and lastBatch differ, yet lastBatch gets CMP005, whose message says the first two epochs share one order (the run says it differs; CMP005's page flags any setter inside the iteration, so it is marked).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S09;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(32);
        var late = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 1);
        var ahead = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 1);
        var lastBatch = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 1);

        for (int epoch = 0; epoch < 4; epoch++)
        {
            foreach (var batch in late) rec.Add("late (SetEpoch(epoch) after)", epoch, batch);
            foreach (var batch in ahead) rec.Add("ahead (SetEpoch(epoch + 1) after)", epoch, batch);
            long step = 0;
            foreach (var batch in lastBatch)
            {
                rec.Add("lastBatch (SetEpoch(epoch + 1) at the last batch)", epoch, batch);
                if (++step == lastBatch.Count) lastBatch.SetEpoch(epoch + 1); //! CMP005
            }
            late.SetEpoch(epoch);
            ahead.SetEpoch(epoch + 1);
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
