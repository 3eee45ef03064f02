// Scenario: A resumed run: the first epoch starts from batch 2 with IterateFrom; resumed sets its epoch before IterateFrom, forgot never does. Run: resumed differs; forgot repeats from epoch 2 on. CMP002 on forgot.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S12;

public static class Scenario
{
    public static void Run() => Resume(startEpoch: 1, skipBatches: 2, epochs: 5);

    static void Resume(int startEpoch, int skipBatches, int epochs)
    {
        var rec = new Orders();
        var data = Orders.Data(40);
        var resumed = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 21);
        var forgot = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 21);

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            long first = epoch == startEpoch ? skipBatches : 0;
            resumed.SetEpoch(epoch);
            foreach (var batch in resumed.IterateFrom(first)) rec.Add("resumed (SetEpoch then IterateFrom)", epoch, batch);
            foreach (var batch in forgot.IterateFrom(first)) rec.Add("forgot (IterateFrom only)", epoch, batch); //! CMP002
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
