namespace Composer.Data;

/// <summary>
/// Yields batches of indices into a data set, one epoch per enumeration, like the <c>batch_sampler</c>
/// of a PyTorch <c>DataLoader</c>.
/// </summary>
public interface IBatchSampler : IEnumerable<long[]>
{
    /// <summary>The number of batches one enumeration yields.</summary>
    long Count { get; }
}
