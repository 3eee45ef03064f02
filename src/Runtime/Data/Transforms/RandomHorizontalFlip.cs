using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>Mirrors an image left to right with a given probability (torchvision's <c>RandomHorizontalFlip</c>): column <c>j</c> becomes column <c>W − 1 − j</c>.</summary>
public sealed class RandomHorizontalFlip : ITransform
{
    /// <summary>Flips with probability <paramref name="probability"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside <c>[0, 1]</c>.</exception>
    public RandomHorizontalFlip(double probability = 0.5)
    {
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, $"probability must be in [0, 1], but was {probability}.");
        Probability = probability;
    }

    /// <summary>The probability of a flip.</summary>
    public double Probability { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor input, SampleRandom random)
    {
        ImageShape.Of(input, nameof(RandomHorizontalFlip));
        return random.NextBoolean(Probability) ? input.flip(2) : input;
    }
}
