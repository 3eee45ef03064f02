using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>Standardizes each channel: <c>output[c] = (input[c] − mean[c]) / std[c]</c> (torchvision's <c>Normalize</c>).</summary>
public sealed class Normalize : ITransform
{
    private readonly float[] _mean, _std;

    /// <summary>Normalizes with one mean and one standard deviation per channel.</summary>
    /// <exception cref="ArgumentException">The arrays are empty or of different lengths, or a standard deviation is not positive and finite.</exception>
    public Normalize(float[] mean, float[] std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length == 0) throw new ArgumentException("mean must hold one value per channel, but is empty.", nameof(mean));
        if (std.Length != mean.Length)
            throw new ArgumentException($"std must hold one value per channel, as mean does ({mean.Length}), but holds {std.Length}.", nameof(std));
        for (int c = 0; c < std.Length; c++)
            if (!(std[c] > 0 && float.IsFinite(std[c])))
                throw new ArgumentOutOfRangeException(nameof(std), std[c], $"std[{c}] must be positive and finite, but was {std[c]}.");
        _mean = [.. mean];
        _std = [.. std];
    }

    /// <summary>The channel means.</summary>
    public IReadOnlyList<float> Mean => _mean;
    /// <summary>The channel standard deviations.</summary>
    public IReadOnlyList<float> Std => _std;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="input"/> does not have as many channels as <see cref="Mean"/>.</exception>
    public Tensor Apply(Tensor input, SampleRandom random)
    {
        var (channels, _, _) = ImageShape.Of(input, nameof(Normalize));
        if (channels != _mean.Length)
            throw new ArgumentException($"Normalize has {_mean.Length} channel means, but input has {channels} channels.", nameof(input));
        using var mean = tensor(_mean, [channels, 1, 1], input.dtype, input.device);
        using var std = tensor(_std, [channels, 1, 1], input.dtype, input.device);
        return (input - mean).div_(std);
    }
}
