// Scenario: A plain training loop: an EpochDataLoader (shuffle: true, seed: 7) set with train.SetEpoch(epoch) before its batch loop, and an unshuffled validation loader. Run: train's 4 orders all differ; val repeats (it does not shuffle, as intended). Correct code.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S01;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(40);
        var model = nn.Linear(4, 4);
        var optimizer = optim.SGD(model.parameters(), 0.01);
        using var train = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 7);
        using var val = new EpochDataLoader(data, batchSize: 16);

        for (int epoch = 0; epoch < 4; epoch++)
        {
            train.SetEpoch(epoch);
            model.train();
            foreach (var batch in train)
            {
                rec.Add("train", epoch, batch);
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            model.eval();
            using (torch.no_grad())
            {
                foreach (var batch in val)
                {
                    rec.Add("val", epoch, batch);
                    using var logits = model.forward(batch["x"]);
                }
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
