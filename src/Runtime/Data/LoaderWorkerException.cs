namespace Composer.Data;

/// <summary>
/// A loader's background worker failed to load a sample or to make a batch: thrown from the consumer's
/// <c>MoveNext</c> when it reaches the batch, after every batch before it. The data set's or the collate
/// function's own exception is <see cref="Exception.InnerException"/>, with the worker thread's stack trace.
/// </summary>
/// <remarks>
/// Only loaders that load on background threads (<c>workers</c> &gt; 0 or <c>prefetch: true</c>) wrap; without them the
/// data set's exception surfaces from <c>MoveNext</c> as it is.
/// </remarks>
public sealed class LoaderWorkerException : Exception
{
    /// <summary>Batch <paramref name="batch"/> failed, at sample <paramref name="index"/> (null when making the whole batch failed).</summary>
    internal LoaderWorkerException(long batch, long? index, Exception innerException)
        : base(Describe(batch, index, innerException), innerException)
    {
        Batch = batch;
        Index = index;
    }

    /// <summary>The batch's position in its epoch (0 for the epoch's first batch, also when the enumeration resumed later).</summary>
    public long Batch { get; }

    /// <summary>The index in the data set of the sample that failed to load, or null when collating the batch (or gathering it whole) failed.</summary>
    public long? Index { get; }

    private static string Describe(long batch, long? index, Exception inner) =>
        (index is long i ? $"Loading sample {i} (in batch {batch}) failed on a loader worker" : $"Making batch {batch} failed on a loader worker")
        + $": {inner.GetType().Name}: {inner.Message}";
}
