using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>Applies transforms one after another, each drawing from the same sample generator in turn (torchvision's <c>Compose</c>).</summary>
public sealed class Compose : ITransform
{
    /// <summary>Chains <paramref name="transforms"/>, first to last.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="transforms"/> or one of its elements is null.</exception>
    public Compose(params ITransform[] transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        for (int i = 0; i < transforms.Length; i++)
            if (transforms[i] is null) throw new ArgumentNullException(nameof(transforms), $"transforms[{i}] is null.");
        Transforms = [.. transforms];
    }

    /// <summary>The transforms, in the order they run.</summary>
    public IReadOnlyList<ITransform> Transforms { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor input, SampleRandom random)
    {
        foreach (var transform in Transforms) input = transform.Apply(input, random);
        return input;
    }
}
