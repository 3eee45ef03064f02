namespace Composer.Data;

/// <summary>
/// Turns batches of indices into loaded batches, in order: on the enumerating thread, or on worker threads that
/// load the next batches while the caller works on the current one (<see cref="LoaderWorkers{TIndices, TPart, TBatch}"/>);
/// and disposes what it made.
/// </summary>
internal static class BatchStream
{
    /// <summary>The batches of <paramref name="batches"/>, loaded by <paramref name="recipe"/> on the enumerating thread or on workers.</summary>
    /// <param name="batches">Each batch's indices; enumerated on the enumerating thread.</param>
    /// <param name="firstBatch">The position in the epoch of the first of <paramref name="batches"/>, for messages.</param>
    /// <param name="recipe">How a batch loads.</param>
    /// <param name="plan">Worker threads and batches ahead (<see cref="LoaderWorkers.Plan"/>); no threads loads on the enumerating thread.</param>
    /// <param name="lifetime">The loader's: a disposed loader loads no more, and stops the workers.</param>
    /// <param name="dispose">Disposes a batch the loader owns: each one when the next is fetched, and the last when the epoch ends.</param>
    public static IEnumerable<TBatch> Load<TIndices, TPart, TBatch>(
        IEnumerable<TIndices> batches, long firstBatch, BatchRecipe<TIndices, TPart, TBatch> recipe,
        (int Threads, int Ahead) plan, LoaderLifetime lifetime, Action<TBatch>? dispose)
        where TBatch : class =>
        plan.Threads == 0 ? LoadHere(batches, recipe, lifetime, dispose) : LoadOnWorkers(batches, firstBatch, recipe, plan, lifetime, dispose);

    private static IEnumerable<TBatch> LoadHere<TIndices, TPart, TBatch>(
        IEnumerable<TIndices> batches, BatchRecipe<TIndices, TPart, TBatch> recipe, LoaderLifetime lifetime, Action<TBatch>? dispose)
        where TBatch : class
    {
        using var indices = batches.GetEnumerator();
        TBatch? current = null;
        while (true)
        {
            lifetime.ThrowIfDisposed();
            if (!indices.MoveNext()) break;
            if (current is not null) dispose?.Invoke(current);
            current = recipe.Load(indices.Current);
            yield return current;
        }
        // The epoch ran to its end: the last batch goes too. (Stopping early, with First() or break,
        // leaves the current batch alive for the caller.)
        if (current is not null) dispose?.Invoke(current);
    }

    private static IEnumerable<TBatch> LoadOnWorkers<TIndices, TPart, TBatch>(
        IEnumerable<TIndices> batches, long firstBatch, BatchRecipe<TIndices, TPart, TBatch> recipe,
        (int Threads, int Ahead) plan, LoaderLifetime lifetime, Action<TBatch>? dispose)
        where TBatch : class
    {
        // Disposed when the enumeration ends, breaks or fails: stops the workers and disposes what they loaded ahead.
        using var workers = new LoaderWorkers<TIndices, TPart, TBatch>(batches.GetEnumerator(), recipe, plan.Threads, plan.Ahead, firstBatch, lifetime);
        TBatch? current = null;
        while (workers.MoveNext(out var batch))
        {
            if (current is not null) dispose?.Invoke(current);
            current = batch;
            yield return current;
        }
        if (current is not null) dispose?.Invoke(current);
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
