using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// CutMix (Yun et al. 2019; Composer's <c>CutMix</c>): pastes a box of each image's partner (a random permutation of the
/// batch) over it, and mixes the losses by the areas: <c>λ · loss(y) + (1 − λ) · loss(y[perm])</c>, where <c>λ</c> is the
/// share of each image left uncovered. The box's area is drawn as <c>1 − Beta(alpha, alpha)</c> and its center uniformly;
/// it is clipped at the image's border (then <c>λ</c> counts what was really pasted), and the same box serves the whole batch.
/// </summary>
/// <remarks>
/// Inputs are images, N × ... × H × W. Like <see cref="MixUp"/>, it mixes the whole batch at
/// <see cref="Event.AfterDataloader"/> and each micro-batch's loss at <see cref="Event.AfterLoss"/>, drawing from
/// <see cref="State.BatchRandom"/>.
/// </remarks>
public sealed class CutMix : Algorithm
{
    private readonly MixedTargets _targets;

    /// <summary>Pastes boxes in the images of <paramref name="inputKey"/> and mixes the losses of the targets in <paramref name="targetKey"/>.</summary>
    /// <param name="alpha">The Beta distribution's parameter, ≥ 0; the paper's 1 draws the area uniformly; 0 pastes nothing.</param>
    /// <param name="inputKey">The batch column with the images.</param>
    /// <param name="targetKey">The batch column with the targets.</param>
    /// <param name="uniformSampling">Draw the box's center so that every pixel is equally likely to be covered, instead of the paper's center uniform over the image.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or not finite.</exception>
    public CutMix(double alpha = 1.0, string inputKey = "data", string targetKey = "label", bool uniformSampling = false)
    {
        Alpha = Check.NotNegative(alpha);
        InputKey = Check.NotEmpty(inputKey);
        TargetKey = Check.NotEmpty(targetKey);
        UniformSampling = uniformSampling;
        _targets = new MixedTargets(targetKey, nameof(CutMix));
    }

    /// <summary>The Beta distribution's parameter.</summary>
    public double Alpha { get; }

    /// <summary>The batch column with the images.</summary>
    public string InputKey { get; }

    /// <summary>The batch column with the targets.</summary>
    public string TargetKey { get; }

    /// <summary>Whether the box's center is drawn so that every pixel is equally likely to be covered.</summary>
    public bool UniformSampling { get; }

    /// <summary>The current batch's <c>λ</c>: the share of each image that is its own (1 before the first batch).</summary>
    public double Mixing { get; private set; } = 1;

    /// <summary>The current batch's permutation: row <c>i</c> got its box from row <c>Permutation[i]</c>.</summary>
    public IReadOnlyList<long> Permutation { get; private set; } = [];

    /// <summary>The current batch's box, rows <c>[Top, Bottom)</c> and columns <c>[Left, Right)</c>.</summary>
    public (int Top, int Left, int Bottom, int Right) Box { get; private set; }

    /// <inheritdoc />
    public override IReadOnlyCollection<Event> Events => MixedTargets.Events;

    /// <inheritdoc />
    public override void Apply(Event e, State state, Logger logger)
    {
        if (e == Event.AfterDataloader)
        {
            Mix(state);
        }
        else
        {
            _targets.Apply(e, state);
        }
    }

    private void Mix(State state)
    {
        var batch = state.Batch!;
        var images = Column.Images(batch, InputKey, nameof(CutMix));
        var targets = Column.Get(batch, TargetKey, nameof(CutMix));
        int height = (int)images.size(-2), width = (int)images.size(-1);
        var random = state.BatchRandom(nameof(CutMix));
        double area = Alpha > 0 ? random.NextBeta(Alpha) : 1;
        var permutation = random.NextPermutation((int)images.size(0));
        Permutation = permutation;

        // The box of the reference implementation (clovaai/CutMix-PyTorch): sides √(1 − λ) of the image's, clipped.
        double ratio = Math.Sqrt(1 - area);
        int cutHeight = (int)(height * ratio), cutWidth = (int)(width * ratio);
        int centerY = UniformSampling ? random.Next(FloorHalf(-cutHeight), height + cutHeight / 2) : random.Next(height);
        int centerX = UniformSampling ? random.Next(FloorHalf(-cutWidth), width + cutWidth / 2) : random.Next(width);
        int top = Math.Clamp(centerY - cutHeight / 2, 0, height), bottom = Math.Clamp(centerY + cutHeight / 2, 0, height);
        int left = Math.Clamp(centerX - cutWidth / 2, 0, width), right = Math.Clamp(centerX + cutWidth / 2, 0, width);
        Box = (top, left, bottom, right);
        Mixing = 1 - (double)(bottom - top) * (right - left) / (height * width);

        using var indices = tensor(permutation, device: images.device);
        var mixed = images.clone();
        if (bottom > top && right > left)
        {
            mixed.narrow(-2, top, bottom - top).narrow(-1, left, right - left)
                .copy_(images.index_select(0, indices).narrow(-2, top, bottom - top).narrow(-1, left, right - left));
        }

        state.Batch = new Dictionary<string, Tensor>(batch) { [InputKey] = mixed };
        _targets.Start(targets.index_select(0, indices), Mixing);
    }

    private static int FloorHalf(int value) => (int)Math.Floor(value / 2.0);
}
