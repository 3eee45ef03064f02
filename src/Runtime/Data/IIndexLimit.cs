namespace Composer.Data;

/// <summary>
/// A sampler or batch sampler that knows how large a data set its indices are for, so that a loader can
/// refuse it at construction when the data set is smaller.
/// </summary>
internal interface IIndexLimit
{
    /// <summary>Every index it yields is below this; null when it cannot tell.</summary>
    long? IndexLimit { get; }
}
