namespace Composer.Data;

/// <summary>
/// A data set whose samples draw random numbers (augmentations, random crops of a sequence, masking): the
/// loaders call <see cref="GetSample"/> with the sample's own generator, made from the loader's seed, the epoch
/// the loader was set to and the sample's index. The same sample in the same epoch is then the same with any
/// number of workers, in any order, and after a mid-epoch resume; a new epoch draws anew.
/// </summary>
/// <typeparam name="T">The sample type, as the data set's <c>GetTensor</c> returns it.</typeparam>
/// <remarks>
/// Implement it on a <c>torch.utils.data.Dataset&lt;T&gt;</c>. Both <see cref="EpochDataLoader"/> (whose samples are
/// <c>Dictionary&lt;string, Tensor&gt;</c>) and <see cref="EpochDataLoader{T, TBatch}"/> use it; TorchSharp's own
/// <c>DataLoader</c> calls <c>GetTensor</c>, which should draw from <c>new SampleRandom(0, 0, index)</c> or not at all.
/// <see cref="GetSample"/> may be called from any thread, for different indices at once: draw only from
/// the sample's generator, never from shared state.
/// </remarks>
public interface IRandomizedDataset<out T>
{
    /// <summary>Loads sample <paramref name="index"/>, drawing every random number from <paramref name="random"/>.</summary>
    /// <param name="index">The sample's index, in <c>[0, Count)</c>.</param>
    /// <param name="random">The sample's generator for this epoch; <c>random.Index</c> is <paramref name="index"/>.</param>
    T GetSample(long index, SampleRandom random);
}
