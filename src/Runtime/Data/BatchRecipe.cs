namespace Composer.Data;

/// <summary>
/// How a loader makes one batch from its indices: parts that load independently of each other (the batch's
/// samples, or a single part when the batch is gathered whole), then the batch assembled from them. Loader
/// workers load the parts of upcoming batches in parallel; without workers they load one after the other.
/// </summary>
/// <param name="partCount">How many parts the batch of these indices has.</param>
/// <param name="loadPart">Loads part <c>k</c>; may run on any thread, for many parts at once.</param>
/// <param name="sampleOf">The data set index that part <c>k</c> loads, for error messages; null for a whole batch.</param>
/// <param name="assemble">Makes the batch from all of its parts, in order.</param>
internal sealed class BatchRecipe<TIndices, TPart, TBatch>(
    Func<TIndices, int> partCount,
    Func<TIndices, int, TPart> loadPart,
    Func<TIndices, int, long?> sampleOf,
    Func<TIndices, TPart[], TBatch> assemble)
{
    public int PartCount(TIndices indices) => partCount(indices);
    public TPart LoadPart(TIndices indices, int part) => loadPart(indices, part);
    public long? SampleOf(TIndices indices, int part) => sampleOf(indices, part);
    public TBatch Assemble(TIndices indices, TPart[] parts) => assemble(indices, parts);

    /// <summary>The batch loaded on the calling thread, part after part.</summary>
    public TBatch Load(TIndices indices)
    {
        var parts = new TPart[partCount(indices)];
        for (int k = 0; k < parts.Length; k++) parts[k] = loadPart(indices, k);
        return assemble(indices, parts);
    }
}

/// <summary>The two recipes the loaders use.</summary>
internal static class BatchRecipe
{
    /// <summary>Each sample loads on its own, then <paramref name="collate"/> makes the batch: the part workers share.</summary>
    public static BatchRecipe<long[], TSample, TBatch> PerSample<TSample, TBatch>(Func<long, TSample> load, Func<IReadOnlyList<TSample>, TBatch> collate) =>
        new(indices => indices.Length, (indices, k) => load(indices[k]), (indices, k) => indices[k], (_, samples) => collate(samples));

    /// <summary>The batch loads in one piece (one gather from tensors in memory): one part, which is the batch.</summary>
    public static BatchRecipe<TIndices, TBatch, TBatch> Whole<TIndices, TBatch>(Func<TIndices, TBatch> load) =>
        new(_ => 1, (indices, _) => load(indices), (_, _) => null, (_, parts) => parts[0]);
}
