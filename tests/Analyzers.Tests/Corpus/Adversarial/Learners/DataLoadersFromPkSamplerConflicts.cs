// Scenario: a DataLoaders.FromDataset helper for a metric Learner passes a P×K batch sampler together with batchSize: 64 and shuffle: true — wrong: the runtime throws ArgumentException (CMP006 twice on the creation); the Learner sets the epoch correctly.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.PkDataLoaders;

public sealed class DataLoaders
{
    public EpochDataLoader Train { get; }
    public EpochDataLoader Valid { get; }

    private DataLoaders(EpochDataLoader train, EpochDataLoader valid) => (Train, Valid) = (train, valid);

    public static DataLoaders FromDataset(InMemoryDataset trainSet, IReadOnlyList<long> labels, InMemoryDataset validSet)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 9);
        var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, batchSampler: pk); //! CMP006 CMP006
        var valid = new EpochDataLoader(validSet, batchSize: 128);
        return new DataLoaders(train, valid);
    }
}

public sealed class MetricLearner
{
    private readonly DataLoaders _dls;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;

    public MetricLearner(DataLoaders dls, Func<Dictionary<string, Tensor>, Tensor> lossFn)
    {
        _dls = dls;
        _lossFn = lossFn;
    }

    public void Fit(int epochs)
    {
        var train = _dls.Train;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            foreach (var batch in train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
            }
        }
    }
}
