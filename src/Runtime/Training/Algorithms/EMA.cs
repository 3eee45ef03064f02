using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// An exponential moving average of the weights (Composer's <c>EMA</c>): after every update interval,
/// <c>average ← smoothing · average + (1 − smoothing) · weights</c>, starting from a copy of the weights when
/// <c>emaStart</c> is reached. Evaluation uses the averaged weights, and when training ends the model takes them (the
/// training weights stay in the EMA's state, so the final checkpoint both holds the averaged model and resumes training).
/// </summary>
/// <remarks>
/// <para><c>smoothing = 2^(−interval / halfLife)</c>: a weight's share in the average halves every <c>halfLife</c>.
/// Parameters and floating-point buffers (batch-norm statistics) are averaged; other buffers are copied.</para>
/// <para>Checkpoints save the average, the training weights and whether the model holds the average, under
/// <c>algorithms/{index}/EMA</c>; resuming restores them exactly. The EMA holds two copies of the weights (native
/// memory): dispose it when done with it. A trainer built with it starts a new average (give each trainer its own).</para>
/// </remarks>
public sealed class EMA : Algorithm, IStateful, IDisposable
{
    private readonly Time _start;
    private readonly Time _interval;
    private List<(string Name, Tensor Weight, Tensor Average, Tensor Stash)> _entries = [];
    private bool _started;
    private bool _active; // the model holds the average; the training weights are in the stash
    private bool _swappedForEval;

    /// <summary>Averages the weights with a half life or a smoothing factor (not both; neither means <c>"1000ba"</c>).</summary>
    /// <param name="halfLife">After how long a weight's share halves, in batches or epochs (<c>"1000ba"</c>, <c>"2ep"</c>).</param>
    /// <param name="smoothing">The share the old average keeps at each update, in (0, 1).</param>
    /// <param name="emaStart">When averaging starts: <c>"0.0dur"</c> (at once), <c>"500ba"</c>, <c>"2ep"</c>, <c>"0.5dur"</c>.</param>
    /// <param name="updateInterval">How often the average is updated, in batches or epochs; default one unit of <paramref name="halfLife"/> (<c>"1ba"</c> with a smoothing factor). Must be in the unit of <paramref name="halfLife"/>.</param>
    /// <param name="averageAtFitEnd">Whether the model takes the averaged weights when training ends.</param>
    /// <exception cref="ArgumentException">Both <paramref name="halfLife"/> and <paramref name="smoothing"/> are given, a time does not parse or is in a unit it cannot have, or the units of <paramref name="halfLife"/> and <paramref name="updateInterval"/> differ.</exception>
    public EMA(string? halfLife = null, double? smoothing = null, string emaStart = "0.0dur", string? updateInterval = null, bool averageAtFitEnd = true)
    {
        if (halfLife is not null && smoothing is not null)
        {
            throw new ArgumentException($"Give halfLife or smoothing, not both (halfLife '{halfLife}', smoothing {smoothing}).", nameof(smoothing));
        }

        Time? half = smoothing is null ? EpochsOrBatches(halfLife ?? "1000ba", nameof(halfLife)) : null;
        _interval = updateInterval is null ? new Time(1, half?.Unit ?? TimeUnit.Batch) : EpochsOrBatches(updateInterval, nameof(updateInterval));
        if (_interval.Value != Math.Floor(_interval.Value))
        {
            throw new ArgumentException($"updateInterval must be a whole number of {_interval.Unit}s, but was '{updateInterval}'.", nameof(updateInterval));
        }

        if (half is { } h && h.Unit != _interval.Unit)
        {
            throw new ArgumentException($"updateInterval must be in the unit of halfLife ('{halfLife}'), but was '{updateInterval}'.", nameof(updateInterval));
        }

        Smoothing = smoothing is { } s ? Check.Between(s, 0, 1, nameof(smoothing)) : Math.Pow(2, -(_interval.Value / half!.Value.Value));
        _start = Time.Parse(emaStart, nameof(emaStart));
        AverageAtFitEnd = averageAtFitEnd;
    }

    /// <summary>The share the old average keeps at each update.</summary>
    public double Smoothing { get; }

    /// <summary>Whether the model takes the averaged weights when training ends.</summary>
    public bool AverageAtFitEnd { get; }

    /// <summary>Whether averaging has started (the average exists).</summary>
    public bool Started => _started;

    /// <summary>Whether the model holds the averaged weights now (during evaluation, after training).</summary>
    public bool AverageActive => _active;

    /// <summary>The averaged weights by the model's parameter and buffer names; the EMA owns them (read, don't change).</summary>
    public IReadOnlyDictionary<string, Tensor> Average => _entries.ToDictionary(e => e.Name, e => e.Average);

    /// <inheritdoc />
    public override IReadOnlyCollection<Event> Events { get; } =
        [Event.Init, Event.FitStart, Event.BatchEnd, Event.EpochEnd, Event.EvalStart, Event.EvalEnd, Event.FitEnd];

    /// <inheritdoc />
    public override bool Match(Event e, State state) => e switch
    {
        Event.BatchEnd => _interval.Unit == TimeUnit.Batch && state.Timestamp.Batch % (long)_interval.Value == 0,
        Event.EpochEnd => _interval.Unit == TimeUnit.Epoch && state.Timestamp.Epoch % (long)_interval.Value == 0,
        _ => true,
    };

    /// <inheritdoc />
    public override void Apply(Event e, State state, Logger logger)
    {
        switch (e)
        {
            case Event.Init:
                Allocate(state.Model);
                break;
            case Event.FitStart when _active:
                Copy(from: StashOf, to: WeightOf); // resumed from a checkpoint taken after training ended, or fitting again
                _active = false;
                break;
            case Event.BatchEnd or Event.EpochEnd:
                Update(state);
                break;
            case Event.EvalStart when _started && !_active:
                SwapInAverage();
                _swappedForEval = true;
                break;
            case Event.EvalEnd when _swappedForEval:
                Copy(from: StashOf, to: WeightOf);
                _active = false;
                _swappedForEval = false;
                break;
            case Event.FitEnd when AverageAtFitEnd && _started && !_active:
                SwapInAverage();
                break;
        }
    }

    /// <inheritdoc />
    public Dictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor>
        {
            ["started"] = tensor(_started ? 1L : 0L),
            ["average_active"] = tensor(_active ? 1L : 0L),
        };
        foreach (var (name, weight, average, stash) in _entries)
        {
            state["average/" + name] = average;
            state["training/" + name] = _active ? stash : weight; // the training weights, wherever they are
        }

        return state;
    }

    /// <inheritdoc />
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        Check.NotNull(state);
        using var noGrad = no_grad();
        foreach (var (name, _, average, stash) in _entries)
        {
            average.copy_(state["average/" + name]);
            stash.copy_(state["training/" + name]);
        }

        _started = state["started"].item<long>() != 0;
        _active = state["average_active"].item<long>() != 0; // then the model's weights from the checkpoint are the average
        _swappedForEval = false;
    }

    /// <summary>Frees the average and the copy of the training weights.</summary>
    public void Dispose()
    {
        foreach (var (_, _, average, stash) in _entries)
        {
            average.Dispose();
            stash.Dispose();
        }

        _entries = [];
    }

    private static Time EpochsOrBatches(string text, string parameterName)
    {
        var time = Interval.Parse(text, parameterName);
        return time.Unit is TimeUnit.Batch or TimeUnit.Epoch
            ? time
            : throw new ArgumentException($"{parameterName} must be in batches or epochs (\"ba\", \"ep\"), but was '{text}'.", parameterName);
    }

    private static Tensor WeightOf((string, Tensor Weight, Tensor, Tensor) entry) => entry.Weight;

    private static Tensor StashOf((string, Tensor, Tensor, Tensor Stash) entry) => entry.Stash;

    private static Tensor AverageOf((string, Tensor, Tensor Average, Tensor) entry) => entry.Average;

    /// <summary>At <see cref="Event.Init"/>: room for the average and the training weights; a new trainer starts a new average.</summary>
    private void Allocate(nn.Module model)
    {
        Dispose();
        _started = false;
        _active = false;
        _swappedForEval = false;
        using var noGrad = no_grad();
        var weights = model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(model.named_buffers());
        _entries = weights.Select(w => (w.Item1, w.Item2, w.Item2.detach().clone().DetachFromDisposeScope(), w.Item2.detach().clone().DetachFromDisposeScope())).ToList();
    }

    private void Update(State state)
    {
        using var noGrad = no_grad();
        if (!_started)
        {
            if (!Reached(state))
            {
                return;
            }

            Copy(from: WeightOf, to: AverageOf);
            _started = true;
            return;
        }

        foreach (var (_, weight, average, _) in _entries)
        {
            if (average.is_floating_point())
            {
                average.mul_(Smoothing).add_(weight, alpha: 1 - Smoothing);
            }
            else
            {
                average.copy_(weight);
            }
        }
    }

    private bool Reached(State state) =>
        _start.Unit == TimeUnit.Duration ? state.Progress >= _start.Value - 1e-12 : state.Elapsed(_start.Unit) >= _start.Value;

    private void SwapInAverage()
    {
        Copy(from: WeightOf, to: StashOf);
        Copy(from: AverageOf, to: WeightOf);
        _active = true;
    }

    private void Copy(Func<(string, Tensor, Tensor, Tensor), Tensor> from, Func<(string, Tensor, Tensor, Tensor), Tensor> to)
    {
        using var noGrad = no_grad();
        foreach (var entry in _entries)
        {
            to(entry).copy_(from(entry));
        }
    }
}
