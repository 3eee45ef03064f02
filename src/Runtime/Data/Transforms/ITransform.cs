using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// A per-sample transform of an image tensor (channels × height × width, float), such as an augmentation, drawing
/// any random numbers from the sample's <see cref="SampleRandom"/>: the same sample in the same epoch is
/// transformed the same way on any thread.
/// </summary>
/// <remarks>
/// <see cref="ImageFolder"/> calls transforms inside a dispose scope, so a transform need not dispose its input or
/// intermediate tensors. <see cref="Apply"/> may run on several threads at once: keep no mutable state.
/// </remarks>
public interface ITransform
{
    /// <summary>Transforms <paramref name="input"/>.</summary>
    /// <param name="input">A C×H×W tensor; left as it is (the result may be a view of it).</param>
    /// <param name="random">The sample's generator; draw from it in a fixed order.</param>
    Tensor Apply(Tensor input, SampleRandom random);
}
