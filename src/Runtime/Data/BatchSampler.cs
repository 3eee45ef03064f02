using System.Collections;

namespace Composer.Data;

/// <summary>
/// Groups a sampler's indices into batches, like PyTorch's <c>BatchSampler</c>. Setting its epoch sets
/// the epoch of the sampler inside it.
/// </summary>
public sealed class BatchSampler : IBatchSampler, IEpochVersioned, IIndexLimit
{
    private int _epoch;
    private long _epochVersion;

    /// <summary>Creates a batch sampler.</summary>
    /// <param name="sampler">Where the indices come from.</param>
    /// <param name="batchSize">Indices per batch; must be positive.</param>
    /// <param name="dropLast">Drop a last batch smaller than <paramref name="batchSize"/>.</param>
    public BatchSampler(ISampler sampler, int batchSize, bool dropLast = false)
    {
        Sampler = sampler ?? throw new ArgumentNullException(nameof(sampler));
        BatchSize = Check.Positive(batchSize);
        DropLast = dropLast;
    }

    /// <summary>The sampler whose indices are batched.</summary>
    public ISampler Sampler { get; }
    /// <summary>Indices per batch.</summary>
    public int BatchSize { get; }
    /// <summary>Whether a short last batch is dropped.</summary>
    public bool DropLast { get; }

    /// <inheritdoc />
    public long Count => Sampler.Count / BatchSize + (DropLast || Sampler.Count % BatchSize == 0 ? 0 : 1);

    /// <summary>The epoch of <see cref="Sampler"/> when it tells it; otherwise the last one set here.</summary>
    public int Epoch => Sampler is IEpochVersioned versioned ? versioned.Epoch : _epoch;

    /// <summary>Changes when the epoch is set here or on <see cref="Sampler"/> (when it tells).</summary>
    public long EpochVersion => _epochVersion + (Sampler is IEpochVersioned versioned ? versioned.EpochVersion : 0);

    /// <summary>Whether the batches change with the epoch: whether <see cref="Sampler"/>'s order does (an epoch-aware sampler that does not tell is assumed to).</summary>
    public bool OrderDependsOnEpoch => Sampler is IEpochVersioned versioned ? versioned.OrderDependsOnEpoch : Sampler is IEpochAware;

    /// <summary>Forwards the epoch to <see cref="Sampler"/> when it is epoch-aware; otherwise only checks it.</summary>
    public void SetEpoch(int epoch)
    {
        _epoch = Check.Epoch(epoch);
        _epochVersion++;
        if (Sampler is IEpochAware aware) aware.SetEpoch(epoch);
    }

    /// <inheritdoc />
    public IEnumerator<long[]> GetEnumerator() =>
        Sampler is IIndexArray array && Sampler.Count <= Array.MaxLength ? Slices(array.EpochIndices()) : Collect();

    /// <summary>Batches cut from a whole epoch's indices: no per-index enumeration.</summary>
    private IEnumerator<long[]> Slices(long[] indices)
    {
        long end = DropLast ? indices.LongLength - indices.LongLength % BatchSize : indices.LongLength;
        for (long start = 0; start < end; start += BatchSize)
            yield return indices.AsSpan((int)start, (int)Math.Min(BatchSize, end - start)).ToArray();
    }

    private IEnumerator<long[]> Collect()
    {
        var batch = new List<long>(BatchSize);
        foreach (long index in Sampler)
        {
            batch.Add(index);
            if (batch.Count == BatchSize)
            {
                yield return batch.ToArray();
                batch.Clear();
            }
        }
        if (batch.Count > 0 && !DropLast) yield return batch.ToArray();
    }

    long? IIndexLimit.IndexLimit => (Sampler as IIndexLimit)?.IndexLimit;

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
