using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>The C×H×W check every image transform makes.</summary>
internal static class ImageShape
{
    public static (long Channels, long Height, long Width) Of(Tensor input, string transform)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3)
            throw new ArgumentException($"{transform} takes an image tensor of shape channels × height × width, but input has shape [{string.Join(", ", input.shape)}].", nameof(input));
        return (input.shape[0], input.shape[1], input.shape[2]);
    }
}
