namespace Composer.Data;

/// <summary>
/// A sampler that can hand over a whole epoch's indices as one array, so that <see cref="BatchSampler"/>
/// slices batches out of it instead of pulling indices one at a time through an enumerator.
/// </summary>
internal interface IIndexArray
{
    /// <summary>The current epoch's indices, in order: exactly what an enumeration yields.</summary>
    long[] EpochIndices();
}
