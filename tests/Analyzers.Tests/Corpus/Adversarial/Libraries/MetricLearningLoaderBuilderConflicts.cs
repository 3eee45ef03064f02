// Scenario: a metric-learning library's PkLoaderBuilder passes a P×K ClassBalancedBatchSampler together with a constant batchSize and shuffle: true, which the runtime rejects (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Embeddings.Data;

/// <summary>
/// Builds P×K loaders for triplet and contrastive losses: every batch holds
/// <see cref="ClassesPerBatch"/> classes with <see cref="SamplesPerClass"/> samples each.
/// </summary>
public sealed class PkLoaderBuilder
{
    private const int DefaultBatchSize = 64;

    private readonly InMemoryDataset _data;
    private readonly IReadOnlyList<long> _labels;

    public PkLoaderBuilder(InMemoryDataset data, IReadOnlyList<long> labels)
    {
        _data = data;
        _labels = labels;
    }

    public int ClassesPerBatch { get; set; } = 16;
    public int SamplesPerClass { get; set; } = 4;
    public int Seed { get; set; } = 7;
    public Device? Device { get; set; }

    /// <summary>The training loader. Set its epoch (<c>loader.SetEpoch(epoch)</c>) before each epoch.</summary>
    public EpochDataLoader BuildTrain()
    {
        var pk = new ClassBalancedBatchSampler(_labels, ClassesPerBatch, SamplesPerClass, seed: Seed);
        return new EpochDataLoader(_data, batchSize: DefaultBatchSize, shuffle: true, batchSampler: pk, device: Device); //! CMP006 CMP006
    }

    /// <summary>Loader over every sample once, in order, for computing the gallery embeddings.</summary>
    public EpochDataLoader BuildGallery(int batchSize = 256) =>
        new EpochDataLoader(_data, batchSize, device: Device);
}
