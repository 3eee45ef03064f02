// Scenario: Epochs never set, in five shapes, in a while loop that advances epoch: an IDataLoader-typed local and a plain local (LINQ Take) built with shuffle: true, a loader from MakeLoader(), one with shuffle: isTrain (true at run time) and two in a foreach over an array of loaders. Run: all six repeat epoch 0's order. Flagged: the first two only; the other three shapes are documented limits (creation not in view, non-constant shuffle, loop variable over loaders).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S02;

public static class Scenario
{
    public static void Run() => Train(isTrain: true);

    static EpochDataLoader MakeLoader(InMemoryDataset data) => new(data, batchSize: 8, shuffle: true, seed: 3);

    static void Train(bool isTrain)
    {
        var rec = new Orders();
        var data = Orders.Data(32);
        IDataLoader<Dictionary<string, Tensor>> train = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 3);
        var plain = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 3);
        var made = MakeLoader(data);
        var flagged = new EpochDataLoader(data, batchSize: 8, shuffle: isTrain, seed: 3);
        var tasks = new[] { new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 5), new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 6) };

        int epoch = 0;
        while (epoch < 3)
        {
            foreach (var batch in train) //! CMP002
                rec.Add("train (IDataLoader)", epoch, batch);
            foreach (var batch in plain.Take(100)) //! CMP002
                rec.Add("plain (LINQ Take)", epoch, batch);
            foreach (var batch in made)
                rec.Add("made (MakeLoader())", epoch, batch);
            foreach (var batch in flagged)
                rec.Add("flagged (shuffle: isTrain)", epoch, batch);
            foreach (var task in tasks)
                foreach (var batch in task)
                    rec.Add($"task (batch size {task.BatchSize}, loop over loaders)", epoch, batch);
            epoch++;
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
