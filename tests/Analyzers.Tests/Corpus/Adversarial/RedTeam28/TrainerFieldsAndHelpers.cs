// Scenario: A metric-learning trainer class with loader fields built in its constructor from ClassBalancedBatchSampler: BeginEpoch(epoch) sets _train's batch sampler, TrainOneEpoch() iterates _train, Evaluate() iterates _episodes, whose epoch nothing sets. Run: _train differs, _episodes repeats. CMP002 at the Evaluate call.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S04;

public sealed class MetricTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _episodes;
    private readonly Orders _rec = new();

    public MetricTrainer(InMemoryDataset data, List<long> labels)
    {
        _train = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 2, samplesPerClass: 4, seed: 5));
        _episodes = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 2, seed: 9));
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(epoch);
            TrainOneEpoch(epoch);
            Evaluate(epoch); //! CMP002
        }
        _rec.Report();
    }

    private void BeginEpoch(int epoch)
    {
        if (_train.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
    }

    private void TrainOneEpoch(int epoch)
    {
        foreach (var batch in _train) _rec.Add("train (P×K)", epoch, batch);
    }

    private void Evaluate(int epoch)
    {
        foreach (var batch in _episodes) _rec.Add("episodes", epoch, batch);
    }
}

public static class Scenario
{
    public static void Run() => new MetricTrainer(Orders.Data(48), Orders.Labels(48)).Fit(3);
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
