namespace Composer.Data;

/// <summary>
/// Turns batches of indices into loaded batches, optionally loading the next batch on a background
/// thread while the caller works on the current one, and disposing what it made.
/// </summary>
internal static class BatchStream
{
    public static IEnumerable<TBatch> Load<TIndices, TBatch>(
        IEnumerable<TIndices> batches, Func<TIndices, TBatch> load, bool prefetch, Action<TBatch>? dispose)
        where TBatch : class
    {
        using var indices = batches.GetEnumerator();
        TBatch? current = null;
        Task<TBatch>? next = null;
        try
        {
            if (!prefetch)
            {
                while (indices.MoveNext())
                {
                    if (current is not null) dispose?.Invoke(current);
                    current = load(indices.Current);
                    yield return current;
                }
            }
            else
            {
                next = Start(indices, load);
                while (next is not null)
                {
                    TBatch batch = next.GetAwaiter().GetResult();
                    next = Start(indices, load);
                    if (current is not null) dispose?.Invoke(current);
                    current = batch;
                    yield return current;
                }
            }
            // The epoch ran to its end: the last batch goes too. (Stopping early, with First() or break,
            // leaves the current batch alive for the caller.)
            if (current is not null) dispose?.Invoke(current);
        }
        finally
        {
            if (next is not null && dispose is not null)
            {
                try { dispose(next.GetAwaiter().GetResult()); } catch (Exception) { /* the loop already failed or stopped */ }
            }
        }
    }

    private static Task<TBatch>? Start<TIndices, TBatch>(IEnumerator<TIndices> indices, Func<TIndices, TBatch> load)
    {
        if (!indices.MoveNext()) return null;
        TIndices batch = indices.Current;
        return Task.Run(() => load(batch));
    }

    /// <summary>
    /// A batch sampler's batches from <paramref name="firstBatch"/> on, the skipped ones costing only their
    /// indices; <paramref name="guard"/> hears when the enumeration begins, <paramref name="check"/> sees every batch yielded.
    /// </summary>
    public static IEnumerable<long[]> From(IBatchSampler batchSampler, long firstBatch, ReplayGuard guard, IndexCheck check)
    {
        guard.Starting(firstBatch);
        long batch = 0;
        foreach (long[] indices in batchSampler)
        {
            if (batch >= firstBatch)
            {
                check.Batch(indices, batch);
                yield return indices;
            }
            batch++;
        }
    }
}
