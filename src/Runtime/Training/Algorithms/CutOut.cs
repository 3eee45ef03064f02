using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// CutOut (DeVries and Taylor 2017; Composer's <c>CutOut</c>): sets square holes of the images to zero. Each hole has
/// side <c>length</c> and a center drawn uniformly over the image, is clipped at the border, and is the same for every
/// image of the batch.
/// </summary>
/// <remarks>
/// Inputs are images, N × ... × H × W; the loader's tensors are left as they are (the batch gets a masked copy). Runs at
/// <see cref="Event.AfterDataloader"/>, drawing from <see cref="State.BatchRandom"/>.
/// </remarks>
public sealed class CutOut : Algorithm
{
    /// <summary>Cuts <paramref name="numHoles"/> holes of side <paramref name="length"/> out of the images in <paramref name="inputKey"/>.</summary>
    /// <param name="numHoles">Holes per batch, ≥ 1.</param>
    /// <param name="length">The side of a hole: below 1, a fraction of the image's shorter side; from 1, pixels.</param>
    /// <param name="inputKey">The batch column with the images.</param>
    /// <param name="uniformSampling">Draw the centers so that every pixel is equally likely to be cut, instead of centers uniform over the image.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numHoles"/> is below 1 or <paramref name="length"/> is not a finite number &gt; 0.</exception>
    public CutOut(int numHoles = 1, double length = 0.5, string inputKey = "data", bool uniformSampling = false)
    {
        NumHoles = Check.Positive(numHoles);
        Length = Check.Positive(length);
        InputKey = Check.NotEmpty(inputKey);
        UniformSampling = uniformSampling;
    }

    /// <summary>Holes per batch.</summary>
    public int NumHoles { get; }

    /// <summary>The side of a hole: a fraction of the shorter side below 1, pixels from 1.</summary>
    public double Length { get; }

    /// <summary>The batch column with the images.</summary>
    public string InputKey { get; }

    /// <summary>Whether the centers are drawn so that every pixel is equally likely to be cut.</summary>
    public bool UniformSampling { get; }

    /// <summary>The current batch's holes, rows <c>[Top, Bottom)</c> and columns <c>[Left, Right)</c> (clipped; possibly empty).</summary>
    public IReadOnlyList<(int Top, int Left, int Bottom, int Right)> Holes { get; private set; } = [];

    /// <inheritdoc />
    public override IReadOnlyCollection<Event> Events { get; } = [Event.AfterDataloader];

    /// <inheritdoc />
    public override void Apply(Event e, State state, Logger logger)
    {
        var batch = state.Batch!;
        var images = Column.Images(batch, InputKey, nameof(CutOut));
        int height = (int)images.size(-2), width = (int)images.size(-1);
        int side = (int)(Length < 1 ? Length * Math.Min(height, width) : Length);
        var random = state.BatchRandom(nameof(CutOut));
        var holes = new List<(int, int, int, int)>(NumHoles);
        var cut = images.clone();
        for (int i = 0; i < NumHoles; i++)
        {
            int y = UniformSampling ? random.Next(-side / 2, height + side / 2) : random.Next(height);
            int x = UniformSampling ? random.Next(-side / 2, width + side / 2) : random.Next(width);
            int top = Math.Clamp(y - side / 2, 0, height), bottom = Math.Clamp(y + side / 2, 0, height);
            int left = Math.Clamp(x - side / 2, 0, width), right = Math.Clamp(x + side / 2, 0, width);
            holes.Add((top, left, bottom, right));
            if (bottom > top && right > left)
            {
                cut.narrow(-2, top, bottom - top).narrow(-1, left, right - left).zero_();
            }
        }

        Holes = holes;
        state.Batch = new Dictionary<string, Tensor>(batch) { [InputKey] = cut };
    }
}
