// Scenario: a loader ported from PyTorch (sampler + batch_sampler members) inside a Lightning-style DataModule whose Setup subscribes only the loader's sampler's SetEpoch to the epoch event, while batches come from a P×K batch_sampler: the Composer bug as a delegate (CMP001).
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace Wrappers.LightningDataModule;

public sealed class PortedDataLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public PortedDataLoader(InMemoryDataset dataset, IBatchSampler batch_sampler)
    {
        this.dataset = dataset;
        this.batch_sampler = batch_sampler;
        sampler = new SequentialSampler(dataset.Count);
    }

    public InMemoryDataset dataset { get; }
    public ISampler sampler { get; }
    public IBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class EpochHub
{
    public event Action<int>? EpochStarted;

    public void Start(int epoch) => EpochStarted?.Invoke(epoch);
}

public sealed class ProductsDataModule(InMemoryDataset images, IReadOnlyList<long> productIds)
{
    private PortedDataLoader? _train;

    public void Setup(EpochHub hub)
    {
        _train = new PortedDataLoader(images, batch_sampler: new ClassBalancedBatchSampler(productIds, classesPerBatch: 32, samplesPerClass: 4, seed: 3));
        if (_train.sampler is IEpochAware reshuffle) hub.EpochStarted += reshuffle.SetEpoch; //! CMP001
    }

    public PortedDataLoader TrainDataloader() => _train ?? throw new InvalidOperationException("call Setup first");
}

public static class Fit
{
    public static void Run(ProductsDataModule dm, Action<Dictionary<string, Tensor>> step, int epochs)
    {
        var hub = new EpochHub();
        dm.Setup(hub);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hub.Start(epoch);
            foreach (var batch in dm.TrainDataloader()) step(batch);
        }
    }
}
