namespace Composer.Data;

/// <summary>
/// Turns a batch sampler's index arrays into loaded batches, optionally loading the next batch on a
/// background thread while the caller works on the current one, and disposing what it made.
/// </summary>
internal static class BatchStream
{
    public static IEnumerable<TBatch> Load<TBatch>(
        IBatchSampler batchSampler, long firstBatch, Func<long[], TBatch> load, bool prefetch, Action<TBatch>? dispose)
        where TBatch : class
    {
        // Skipped batches cost only their indices: nothing is gathered for them.
        using var indices = batchSampler.Skip(checked((int)Math.Min(firstBatch, int.MaxValue))).GetEnumerator();
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

    static Task<TBatch>? Start<TBatch>(IEnumerator<long[]> indices, Func<long[], TBatch> load)
    {
        if (!indices.MoveNext()) return null;
        long[] batch = indices.Current;
        return Task.Run(() => load(batch));
    }
}
