// Scenario: Loaders rebuilt inside the epoch loop: shuffle: true with no seed (the loader's seed defaults to 0), seed: base + epoch, a ClassBalancedBatchSampler with a fixed seed, a RandomSampler seeded epoch * 31, and an EpochDataLoader (with a training step) and a TorchSharp loader seeded from Environment.TickCount. Run: noSeed and pk repeat (CMP002 on both); seeded, viaSampler and clock differ; tsClock repeats pairs of epochs in every run (1=2 3=4: TickCount moves in 4 ms steps on this machine and a pass is shorter), which the pages call 'not repeated' (CMP002.md line 195, CMP003.md line 79): a silent MISS, no marker.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S08;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(64);
        var labels = Orders.Labels(64);
        const int baseSeed = 100;
        var model = nn.Linear(4, 4);
        var optimizer = optim.Adam(model.parameters(), 1e-3);

        for (int epoch = 0; epoch < 5; epoch++)
        {
            using var noSeed = new EpochDataLoader(data, batchSize: 8, shuffle: true);
            foreach (var batch in noSeed) rec.Add("noSeed (rebuilt, shuffle: true)", epoch, batch); //! CMP002

            using var seeded = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: baseSeed + epoch);
            foreach (var batch in seeded) rec.Add("seeded (rebuilt, seed: base + epoch)", epoch, batch);

            using var pk = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 2, 4, seed: baseSeed));
            foreach (var batch in pk) rec.Add("pk (rebuilt, fixed seed)", epoch, batch); //! CMP002

            var sampler = new RandomSampler(data.Count, seed: epoch * 31);
            using var viaSampler = new EpochDataLoader(data, batchSize: 8, sampler: sampler);
            foreach (var batch in viaSampler) rec.Add("viaSampler (rebuilt, sampler seed per epoch)", epoch, batch);

            // "a fresh seed every epoch"
            using var clock = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: Environment.TickCount);
            foreach (var batch in clock)
            {
                rec.Add("clock (rebuilt, seed: Environment.TickCount)", epoch, batch);
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            var tsClock = new TorchSharp.Modules.DataLoader(data, 8, shuffle: true, seed: Environment.TickCount);
            foreach (var batch in tsClock) rec.Add("tsClock (TorchSharp, rebuilt, seed: Environment.TickCount)", epoch, batch);
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
