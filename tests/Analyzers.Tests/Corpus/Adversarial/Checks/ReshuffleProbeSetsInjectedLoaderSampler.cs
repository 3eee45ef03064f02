// Scenario: an epoch-start hook under test keeps the loader it is constructed with and reshuffles it through a switch on loader.Sampler; the loader comes from outside and may draw from a batch sampler (here a P×K ClassBalancedBatchSampler), so the hook misses it (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Hooks;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

/// <summary>Called by our training loop at the start of every epoch.</summary>
public sealed class ReshuffleProbe
{
    private readonly EpochDataLoader _loader;
    private readonly List<int> _epochs = new();

    public ReshuffleProbe(EpochDataLoader loader)
    {
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
    }

    public IReadOnlyList<int> EpochsSeen => _epochs;

    public void OnEpochStart(int epoch)
    {
        _epochs.Add(epoch);
        switch (_loader.Sampler)
        {
            case IEpochAware aware:
                aware.SetEpoch(epoch); //! CMP001
                break;
            default:
                Console.WriteLine($"[probe] sampler {_loader.Sampler.GetType().Name} does not take an epoch");
                break;
        }
    }
}

public sealed class ReshuffleProbeTests
{
    private static long[] Labels(int perClass, int classes) =>
        Enumerable.Range(0, perClass * classes).Select(i => (long)(i % classes)).ToArray();

    private static InMemoryDataset Embeddings(long[] labels) => new(new Dictionary<string, Tensor>
    {
        ["data"] = randn(labels.Length, 32),
        ["label"] = tensor(labels),
        ["index"] = arange(labels.Length, dtype: ScalarType.Int64),
    });

    private static List<long> Order(EpochDataLoader loader)
    {
        var order = new List<long>();
        foreach (var batch in loader) order.AddRange(batch["index"].data<long>().ToArray());
        return order;
    }

    [Fact]
    public void Metric_learning_batches_change_between_epochs()
    {
        var labels = Labels(perClass: 12, classes: 10);
        using var data = Embeddings(labels);
        using var loader = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 5, samplesPerClass: 4, seed: 3));
        var probe = new ReshuffleProbe(loader);

        probe.OnEpochStart(0);
        var first = Order(loader);
        probe.OnEpochStart(1);
        var second = Order(loader);

        if (first.SequenceEqual(second))
            throw new InvalidOperationException("epoch 1 replayed epoch 0's P×K batches");
        if (!probe.EpochsSeen.SequenceEqual(new[] { 0, 1 }))
            throw new InvalidOperationException("probe missed an epoch");
    }
}
