using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Progressive resizing (fast.ai; Composer's <c>ProgressiveResizing</c>): trains on smaller images first. The scale
/// stays at <c>initialScale</c> until <c>delayFraction</c> of training, grows linearly to 1 when
/// <c>1 − finetuneFraction</c> is reached and stays at 1 for the rest; the width is rounded to a multiple of
/// <c>sizeIncrement</c> and the height scaled by the same factor.
/// </summary>
/// <remarks>
/// Images are N × C × H × W, resized at <see cref="Event.AfterDataloader"/> by nearest-neighbour interpolation
/// (<c>"resize"</c>) or cut to a random crop (<c>"crop"</c>: every offset equally likely, the same crop for the whole
/// batch, drawn from <see cref="State.BatchRandom"/>). The model must accept every size it will see (global pooling).
/// The scale is a function of <see cref="State.Progress"/> alone, so a resumed run resizes as the uninterrupted one did.
/// </remarks>
public sealed class ProgressiveResizing : Algorithm
{
    /// <summary>Resizes the images in <paramref name="inputKey"/> on the schedule the other arguments give.</summary>
    /// <param name="mode"><c>"resize"</c> (nearest-neighbour) or <c>"crop"</c> (a random crop).</param>
    /// <param name="initialScale">The scale at the start, in [0, 1].</param>
    /// <param name="finetuneFraction">The fraction of training at the end spent at full size, in [0, 1].</param>
    /// <param name="delayFraction">The fraction of training at the start spent at <paramref name="initialScale"/>, in [0, 1]; with <paramref name="finetuneFraction"/>, at most 1.</param>
    /// <param name="sizeIncrement">Widths are multiples of this, ≥ 1.</param>
    /// <param name="inputKey">The batch column with the images.</param>
    /// <exception cref="ArgumentException"><paramref name="mode"/> is neither <c>"resize"</c> nor <c>"crop"</c>, or a fraction or the increment is out of range.</exception>
    public ProgressiveResizing(string mode = "resize", double initialScale = 0.5, double finetuneFraction = 0.2, double delayFraction = 0.5,
        int sizeIncrement = 4, string inputKey = "data")
    {
        Mode = mode is "resize" or "crop" ? mode : throw new ArgumentException($"mode must be \"resize\" or \"crop\", but was '{mode}'.", nameof(mode));
        InitialScale = Check.InRange(initialScale, 0, 1);
        FinetuneFraction = Check.InRange(finetuneFraction, 0, 1);
        DelayFraction = Check.InRange(delayFraction, 0, 1);
        if (delayFraction + finetuneFraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(delayFraction), delayFraction,
                $"delayFraction + finetuneFraction must be at most 1, but was {delayFraction} + {finetuneFraction}.");
        }

        SizeIncrement = Check.Positive(sizeIncrement);
        InputKey = Check.NotEmpty(inputKey);
    }

    /// <summary><c>"resize"</c> or <c>"crop"</c>.</summary>
    public string Mode { get; }

    /// <summary>The scale at the start.</summary>
    public double InitialScale { get; }

    /// <summary>The fraction of training at the end spent at full size.</summary>
    public double FinetuneFraction { get; }

    /// <summary>The fraction of training at the start spent at <see cref="InitialScale"/>.</summary>
    public double DelayFraction { get; }

    /// <summary>Widths are multiples of this.</summary>
    public int SizeIncrement { get; }

    /// <summary>The batch column with the images.</summary>
    public string InputKey { get; }

    /// <inheritdoc />
    public override IReadOnlyCollection<Event> Events { get; } = [Event.AfterDataloader];

    /// <summary>The scale at <paramref name="progress"/> (the elapsed fraction of training), before rounding to <see cref="SizeIncrement"/>.</summary>
    /// <param name="progress">From 0 to 1.</param>
    public double ScaleAt(double progress)
    {
        double ramp = 1 - FinetuneFraction - DelayFraction;
        double grown = progress < DelayFraction ? 0 : ramp <= 0 ? 1 : Math.Min(1, (progress - DelayFraction) / ramp);
        return InitialScale + (1 - InitialScale) * grown;
    }

    /// <summary>The height and width images of <paramref name="height"/> × <paramref name="width"/> get at <paramref name="progress"/>.</summary>
    /// <param name="height">The images' height.</param>
    /// <param name="width">The images' width.</param>
    /// <param name="progress">The elapsed fraction of training.</param>
    public (int Height, int Width) SizeAt(int height, int width, double progress)
    {
        // Python's round, as Composer: half to even.
        int pinnedWidth = (int)Math.Max(1, Math.Round(width * ScaleAt(progress) / SizeIncrement, MidpointRounding.ToEven) * SizeIncrement);
        return pinnedWidth >= width ? (height, width) : (Math.Max(1, (int)((double)height * pinnedWidth / width)), pinnedWidth);
    }

    /// <inheritdoc />
    public override void Apply(Event e, State state, Logger logger)
    {
        var batch = state.Batch!;
        var images = Column.Images(batch, InputKey, nameof(ProgressiveResizing));
        int height = (int)images.size(-2), width = (int)images.size(-1);
        var (newHeight, newWidth) = SizeAt(height, width, state.Progress);
        if (newHeight == height && newWidth == width)
        {
            return;
        }

        Tensor resized;
        if (Mode == "resize")
        {
            resized = nn.functional.interpolate(images, [newHeight, newWidth], mode: InterpolationMode.Nearest);
        }
        else
        {
            var random = state.BatchRandom(nameof(ProgressiveResizing));
            // Any window of the image, the last ones included, as torchvision's RandomCrop draws it: random.Next(H - h)
            // never reached the bottom row or the right column.
            int top = random.Next(height - newHeight + 1), left = random.Next(width - newWidth + 1);
            resized = images.narrow(-2, top, newHeight).narrow(-1, left, newWidth);
        }

        state.Batch = new Dictionary<string, Tensor>(batch) { [InputKey] = resized };
    }
}
