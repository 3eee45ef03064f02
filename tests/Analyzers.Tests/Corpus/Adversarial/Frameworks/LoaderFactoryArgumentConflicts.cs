// Scenario: a loader factory ported from PyTorch passes arguments the runtime rejects — batchSize with a batch sampler (target-typed new), shuffle with a sampler (positional), batchSize and dropLast with a batch sampler, shuffle and dropLast on the generic loader (errors).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LoaderFactories;

public sealed class TokenDataset(long[] tokens, int window) : torch.utils.data.Dataset<long[]>
{
    public override long Count => tokens.Length - window;

    public override long[] GetTensor(long index) => tokens.AsSpan((int)index, window + 1).ToArray();
}

public sealed class LoaderFactory
{
    private readonly EpochDataLoader _pk;

    public LoaderFactory(InMemoryDataset ds, IReadOnlyList<long> labels)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4);
        _pk = new(ds, batchSize: 32, batchSampler: pk); //! CMP006
    }

    public EpochDataLoader MetricLearning => _pk;

    // WeightedRandomSampler port: "and shuffle, to be safe"
    public static EpochDataLoader Weighted(InMemoryDataset ds) =>
        new EpochDataLoader(ds, 64, true, new RandomSampler(ds.Count, replacement: true, numSamples: ds.Count)); //! CMP006

    public static EpochDataLoader Ddp(InMemoryDataset ds, IBatchSampler batchSampler) =>
        new EpochDataLoader(ds, 64, false, null, batchSampler, true); //! CMP006 CMP006

    public static EpochDataLoader<long[], Tensor[]> LanguageModel(TokenDataset ds, IBatchSampler batchSampler) =>
        new EpochDataLoader<long[], Tensor[]>(ds, Collate, batchSampler: batchSampler, shuffle: true, dropLast: true); //! CMP006 CMP006

    private static Tensor[] Collate(IReadOnlyList<long[]> rows, Device device)
    {
        using var all = torch.tensor(rows.SelectMany(r => r).ToArray()).reshape(rows.Count, -1);
        return [all[.., ..^1].to(device), all[.., 1..].to(device)];
    }
}
