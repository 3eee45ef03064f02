using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// MixUp (Zhang et al. 2018; Composer's <c>MixUp</c>): trains on convex combinations of pairs of samples. Each batch's
/// inputs become <c>λ · x + (1 − λ) · x[perm]</c> with <c>λ ~ Beta(alpha, alpha)</c> and a random permutation of the
/// batch, and the loss becomes <c>λ · loss(y) + (1 − λ) · loss(y[perm])</c>, for any model's loss.
/// </summary>
/// <remarks>
/// Mixes the whole batch at <see cref="Event.AfterDataloader"/> (so gradient accumulation trains on the same mixture)
/// and mixes each micro-batch's loss at <see cref="Event.AfterLoss"/>. <c>λ</c> and the permutation come from
/// <see cref="State.BatchRandom"/>: a pure function of the seed, the epoch and the batch, the same after a resume.
/// </remarks>
public sealed class MixUp : Algorithm
{
    private readonly MixedTargets _targets;

    /// <summary>Mixes the inputs in <paramref name="inputKey"/> and the losses of the targets in <paramref name="targetKey"/>.</summary>
    /// <param name="alpha">The Beta distribution's parameter, ≥ 0: small values keep one sample of each pair dominant; 0 turns mixing off. Default 0.2.</param>
    /// <param name="inputKey">The batch column with the inputs (any shape N × ...).</param>
    /// <param name="targetKey">The batch column with the targets.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or not finite.</exception>
    public MixUp(double alpha = 0.2, string inputKey = "data", string targetKey = "label")
    {
        Alpha = Check.NotNegative(alpha);
        InputKey = Check.NotEmpty(inputKey);
        TargetKey = Check.NotEmpty(targetKey);
        _targets = new MixedTargets(targetKey, nameof(MixUp));
    }

    /// <summary>The Beta distribution's parameter.</summary>
    public double Alpha { get; }

    /// <summary>The batch column with the inputs.</summary>
    public string InputKey { get; }

    /// <summary>The batch column with the targets.</summary>
    public string TargetKey { get; }

    /// <summary>The current batch's <c>λ</c>, the weight of each sample itself (1 before the first batch).</summary>
    public double Mixing { get; private set; } = 1;

    /// <summary>The current batch's permutation: row <c>i</c> was mixed with row <c>Permutation[i]</c>.</summary>
    public IReadOnlyList<long> Permutation { get; private set; } = [];

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
        var inputs = Column.Get(batch, InputKey, nameof(MixUp));
        var targets = Column.Get(batch, TargetKey, nameof(MixUp));
        var random = state.BatchRandom(nameof(MixUp));
        Mixing = Alpha > 0 ? random.NextBeta(Alpha) : 1;
        var permutation = random.NextPermutation((int)inputs.size(0));
        Permutation = permutation;
        using var indices = tensor(permutation, device: inputs.device);
        var mixed = inputs * Mixing + inputs.index_select(0, indices) * (1 - Mixing);
        state.Batch = new Dictionary<string, Tensor>(batch) { [InputKey] = mixed };
        _targets.Start(targets.index_select(0, indices), Mixing);
    }
}
