// Scenario: metric learning with a P×K ClassBalancedBatchSampler, but the user also passes `batchSize: BatchSize` (a const 64 = P×K) — the runtime throws (wrong). CMP006: batch sampler given with "`batchSize` a constant other than 1"; "`const` values count as constants".
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.PkSamplerConstBatchSize;

public static class MetricLearning
{
    private const int ClassesPerBatch = 16;
    private const int SamplesPerClass = 4;
    private const int BatchSize = ClassesPerBatch * SamplesPerClass;

    public static void Train(InMemoryDataset data, IReadOnlyList<long> labels, int epochs)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: ClassesPerBatch, samplesPerClass: SamplesPerClass, seed: 3);
        using var train = new EpochDataLoader(data, batchSize: BatchSize, batchSampler: pk); //! CMP006

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                using var embeddings = batch["data"];
                using var classes = batch["label"];
            }
        }
    }
}
