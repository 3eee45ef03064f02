using Composer.Data;

namespace Composer.Runtime.Tests.Data;

/// <summary>The bug this project exists for, on real objects, and its cure.</summary>
public class EpochBugAndCureTests
{
    public static TheoryData<string> BatchSamplers() => ["BatchSampler(DistributedSampler)", "ClassBalancedBatchSampler"];

    private static EpochDataLoader Loader(string kind)
    {
        var dataset = TestData.Indexed(64);
        IBatchSampler batchSampler = kind == "ClassBalancedBatchSampler"
            ? new ClassBalancedBatchSampler(TestData.Labels(64), classesPerBatch: 2, samplesPerClass: 4, seed: 7, numReplicas: 2, rank: 0)
            : new BatchSampler(new DistributedSampler(64, numReplicas: 2, rank: 0, seed: 7), batchSize: 8);
        return new EpochDataLoader(dataset, batchSampler: batchSampler, disposeDataset: true);
    }

    [Theory]
    [MemberData(nameof(BatchSamplers))]
    public void SettingTheEpochOnlyOnLoaderSamplerReplaysEpochZero(string kind)
    {
        using var loader = Loader(kind);
        Assert.IsType<SequentialSampler>(loader.Sampler); // as in PyTorch: the loader's sampler is not the one that shuffles

        var epochs = new List<List<long[]>>();
        for (int epoch = 0; epoch < 2; epoch++)
        {
            (loader.Sampler as IEpochAware)?.SetEpoch(epoch); // the Composer bug: reaches nothing
            epochs.Add(TestData.Epoch(loader));
        }
        Assert.Equal(epochs[0], epochs[1]);
    }

    [Theory]
    [MemberData(nameof(BatchSamplers))]
    public void EpochsSetEpochReshufflesReproducibly(string kind)
    {
        List<List<long[]>> Run()
        {
            using var loader = Loader(kind);
            var epochs = new List<List<long[]>>();
            for (int epoch = 0; epoch < 3; epoch++)
            {
                Epochs.SetEpoch(loader, epoch);
                epochs.Add(TestData.Epoch(loader));
            }
            return epochs;
        }
        var first = Run();
        Assert.NotEqual(first[0], first[1]);
        Assert.NotEqual(first[1], first[2]);
        Assert.Equal(first, Run());
    }
}
