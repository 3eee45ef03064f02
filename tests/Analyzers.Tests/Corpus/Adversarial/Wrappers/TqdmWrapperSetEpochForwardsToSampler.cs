// Scenario: a tqdm-like progress wrapper exposes SetEpoch but forwards it only to the wrapped loader's Sampler (and merely reads BatchSampler.Count); the wrapped loader is handed in from outside and here draws from a P×K batch sampler: the Composer bug, CMP001 in the wrapper.
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace Wrappers.Tqdm;

public sealed class Tqdm : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly EpochDataLoader _inner;
    private readonly string _desc;
    private string _label;
    private long _total;

    public Tqdm(EpochDataLoader inner, string desc)
    {
        _inner = inner;
        _desc = desc;
        _label = desc;
    }

    public void SetEpoch(int epoch)
    {
        if (_inner.Sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001
        _total = _inner.BatchSampler.Count;
        _label = $"{_desc} [epoch {epoch}]";
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        long done = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var batch in _inner)
        {
            done++;
            Console.Error.Write($"\r{_label} {done}/{_total} ({done / Math.Max(1e-3, watch.Elapsed.TotalSeconds):F1} it/s)");
            yield return batch;
        }
        Console.Error.WriteLine();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class MetricLearning
{
    public static void Run(InMemoryDataset data, IReadOnlyList<long> labels, Func<Dictionary<string, Tensor>, Tensor> tripletLoss, int epochs)
    {
        using var loader = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 5));
        var bar = new Tqdm(loader, "train");
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            bar.SetEpoch(epoch);
            foreach (var batch in bar)
            {
                using var scope = NewDisposeScope();
                tripletLoss(batch).backward();
            }
        }
    }
}
