// Scenario: a shared test fixture builds its loaders in the constructor, passing batchSize: 16 beside a P×K batch sampler and shuffle: true beside a DistributedSampler; the runtime rejects both combinations (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Fixtures;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

/// <summary>Built once and shared by the metric-learning tests (an xUnit class fixture).</summary>
public sealed class MetricLearningFixture : IDisposable
{
    public const int Classes = 8;
    public const int PerClass = 16;

    public MetricLearningFixture()
    {
        int n = Classes * PerClass;
        Labels = Enumerable.Range(0, n).Select(i => (long)(i / PerClass)).ToArray();
        Data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(n, 64),
            ["label"] = tensor(Labels),
        });

        var pk = new ClassBalancedBatchSampler(Labels, classesPerBatch: 4, samplesPerClass: 4, seed: 21);
        Train = new EpochDataLoader(Data, batchSize: 16, batchSampler: pk); //! CMP006
        Shard = new EpochDataLoader(Data, batchSize: 32, shuffle: true, sampler: new DistributedSampler(n, numReplicas: 2, rank: 0, seed: 21)); //! CMP006
        Gallery = new EpochDataLoader(Data, batchSize: 128);
    }

    public long[] Labels { get; }
    public InMemoryDataset Data { get; }
    public EpochDataLoader Train { get; }
    public EpochDataLoader Shard { get; }
    public EpochDataLoader Gallery { get; }

    public void Dispose()
    {
        Train.Dispose();
        Shard.Dispose();
        Gallery.Dispose();
        Data.Dispose();
    }
}

public sealed class MetricLearningLoaderTests : IDisposable
{
    private readonly MetricLearningFixture _fixture = new();

    [Fact]
    public void Every_train_batch_holds_four_classes_of_four()
    {
        _fixture.Train.SetEpoch(0);
        foreach (var batch in _fixture.Train)
        {
            var labels = batch["label"].data<long>().ToArray();
            var groups = labels.GroupBy(l => l).ToList();
            if (groups.Count != 4 || groups.Any(g => g.Count() != 4))
                throw new InvalidOperationException($"batch is not 4×4: {string.Join(',', labels)}");
        }
    }

    [Fact]
    public void Gallery_reads_every_sample_in_order()
    {
        long seen = 0;
        foreach (var batch in _fixture.Gallery) seen += batch["label"].shape[0];
        if (seen != _fixture.Data.Count) throw new InvalidOperationException($"gallery read {seen} samples");
    }

    public void Dispose() => _fixture.Dispose();
}
