using System.Collections;

namespace Composer.Data;

/// <summary>Yields <c>0, 1, …, length − 1</c> in order, like PyTorch's <c>SequentialSampler</c>.</summary>
public sealed class SequentialSampler : ISampler, IIndexArray, IIndexLimit
{
    /// <summary>Creates a sampler over a data set of <paramref name="length"/> samples.</summary>
    /// <param name="length">The number of samples; must not be negative.</param>
    public SequentialSampler(long length) => Count = Check.NotNegative(length);

    /// <inheritdoc />
    public long Count { get; }

    /// <inheritdoc />
    public IEnumerator<long> GetEnumerator()
    {
        for (long i = 0; i < Count; i++) yield return i;
    }

    long? IIndexLimit.IndexLimit => Count;

    long[] IIndexArray.EpochIndices()
    {
        var indices = new long[Count];
        for (long i = 0; i < Count; i++) indices[i] = i;
        return indices;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
