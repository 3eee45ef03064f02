namespace Composer.Data;

/// <summary>
/// Yields indices into a data set, one epoch per enumeration, like PyTorch's <c>torch.utils.data.Sampler</c>.
/// </summary>
public interface ISampler : IEnumerable<long>
{
    /// <summary>The number of indices one enumeration yields.</summary>
    long Count { get; }
}
