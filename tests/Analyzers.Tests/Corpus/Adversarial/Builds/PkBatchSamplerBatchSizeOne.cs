// Scenario: P×K metric-learning loader that spells out every default next to the batch sampler — `batchSize: 1, shuffle: false, sampler: null, dropLast: false` — and sets the epoch each pass (fine). CMP006 not flagged: "`batchSize: 1` with a batch sampler; `sampler: null`", and only `shuffle`/`dropLast` "the constant `true`" conflict.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.PkBatchSamplerBatchSizeOne;

public static class PkTraining
{
    public static void Train(InMemoryDataset data, IReadOnlyList<long> labels, InMemoryDataset gallery, int epochs)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 21);
        using var train = new EpochDataLoader(data, batchSize: 1, shuffle: false, sampler: null, batchSampler: pk, dropLast: false);
        using var galleryLoader = new EpochDataLoader(gallery, batchSize: 512);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
                _ = batch["data"].sum();

            foreach (var batch in galleryLoader)
                _ = batch["data"].norm();
        }
    }
}
