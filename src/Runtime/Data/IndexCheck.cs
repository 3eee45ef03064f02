namespace Composer.Data;

/// <summary>
/// Keeps a loader's batches inside its data set. An index out of range would otherwise reach TorchSharp's
/// <c>index_select</c> (a native exception with a C++ trace) or the data set's own <c>GetTensor</c>; here it is
/// an <see cref="ArgumentOutOfRangeException"/> that names the constructor argument the index came from
/// (<c>sampler</c>, <c>batchSampler</c>, or <c>dataset</c> for the sampler a loader makes itself), the index,
/// the batch and the data set's size. A check costs one comparison per index.
/// </summary>
internal sealed class IndexCheck
{
    private readonly Func<long> _datasetCount;
    private readonly string _source;
    private readonly object _part;

    private IndexCheck(Func<long> datasetCount, string source, object part) => (_datasetCount, _source, _part) = (datasetCount, source, part);

    /// <summary>
    /// The check for the indices <paramref name="part"/> yields; refuses it at once when it says it draws from a
    /// larger data set than <paramref name="datasetCount"/>.
    /// </summary>
    public static IndexCheck For(Func<long> datasetCount, string source, object part)
    {
        long count = datasetCount();
        if (part is IIndexLimit { IndexLimit: long limit } && limit > count)
            throw new ArgumentOutOfRangeException(source, limit,
                $"{source} ({Describe(part)}) draws indices from 0 to {limit - 1}, for a data set of {limit} samples, but the data set has {count} (indices 0 to {count - 1}). Make it for the data set's length.");
        return new IndexCheck(datasetCount, source, part);
    }

    /// <summary>Checks batch number <paramref name="batch"/> of an epoch, as its batch sampler yielded it.</summary>
    public void Batch(long[]? indices, long batch)
    {
        if (indices is null || indices.Length == 0)
            throw new ArgumentException($"{_source} ({Describe(_part)}) yielded {(indices is null ? "null" : "an empty batch")} as batch {batch}; every batch needs at least one index.", _source);
        Within(indices, firstPosition: 0, batchSize: indices.Length, firstBatch: batch);
    }

    /// <summary>Checks a whole epoch's indices, to be cut into batches of <paramref name="batchSize"/>, from position <paramref name="firstPosition"/> on.</summary>
    public void Epoch(long[] indices, long firstPosition, int batchSize) => Within(indices, firstPosition, batchSize, firstBatch: 0);

    private void Within(long[] indices, long firstPosition, int batchSize, long firstBatch)
    {
        long count = _datasetCount();
        for (long i = firstPosition; i < indices.LongLength; i++)
        {
            // One unsigned comparison catches negative indices too.
            if ((ulong)indices[i] >= (ulong)count)
                throw new ArgumentOutOfRangeException(_source, indices[i],
                    $"{_source} ({Describe(_part)}) yielded index {indices[i]} in batch {firstBatch + i / batchSize}, outside the data set's {count} samples (indices 0 to {count - 1}).");
        }
    }

    private static string Describe(object part) =>
        Epochs.InnerSampler(part) is { } inner ? $"{part.GetType().Name} over {inner.GetType().Name}" : part.GetType().Name;
}
