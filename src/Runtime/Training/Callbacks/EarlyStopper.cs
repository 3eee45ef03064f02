using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Stops training when an evaluation metric stops improving (Composer's <c>EarlyStopper</c>): after every evaluation it
/// compares <see cref="State.EvalMetrics"/>[<c>monitor</c>] with the best value so far; a value better by more than
/// <c>minDelta</c> becomes the best, and after <c>patience</c> evaluations in a row without one it sets
/// <see cref="State.StopTraining"/> (training ends after the current batch).
/// </summary>
/// <remarks>The best value and the count of evaluations since it are saved in checkpoints (<c>callbacks/{index}/EarlyStopper</c>).</remarks>
public sealed class EarlyStopper : Callback, IStateful
{
    /// <summary>Watches <paramref name="monitor"/>.</summary>
    /// <param name="monitor">The evaluation metric, as in <see cref="State.EvalMetrics"/>: <c>"loss"</c>, <c>"accuracy"</c>, ...</param>
    /// <param name="patience">Evaluations without improvement before stopping, ≥ 1.</param>
    /// <param name="minDelta">How much better than the best a value must be to count as an improvement, ≥ 0.</param>
    /// <param name="mode">Whether lower or higher is better; <see cref="MonitorMode.Auto"/>: lower when the name contains "loss" or "error".</param>
    /// <exception cref="ArgumentException">An argument is out of range or <paramref name="monitor"/> is empty.</exception>
    public EarlyStopper(string monitor = "loss", int patience = 1, double minDelta = 0, MonitorMode mode = MonitorMode.Auto)
    {
        Monitor = Check.NotEmpty(monitor);
        Patience = Check.Positive(patience);
        MinDelta = Check.NotNegative(minDelta);
        Mode = mode switch
        {
            MonitorMode.Auto => monitor.Contains("loss", StringComparison.OrdinalIgnoreCase) || monitor.Contains("error", StringComparison.OrdinalIgnoreCase)
                ? MonitorMode.Min
                : MonitorMode.Max,
            MonitorMode.Min or MonitorMode.Max => mode,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be a MonitorMode, but was {mode}."),
        };
        Best = Mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>The evaluation metric watched.</summary>
    public string Monitor { get; }

    /// <summary>Evaluations without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>How much better than the best a value must be.</summary>
    public double MinDelta { get; }

    /// <summary><see cref="MonitorMode.Min"/> or <see cref="MonitorMode.Max"/> (resolved from <see cref="MonitorMode.Auto"/>).</summary>
    public MonitorMode Mode { get; }

    /// <summary>The best value so far (infinitely bad before the first evaluation).</summary>
    public double Best { get; private set; }

    /// <summary>Evaluations since the best one.</summary>
    public int Wait { get; private set; }

    /// <summary>Whether this callback stopped training.</summary>
    public bool Stopped { get; private set; }

    /// <inheritdoc />
    public override void EvalEnd(State state, Logger logger)
    {
        if (!state.EvalMetrics.TryGetValue(Monitor, out double value))
        {
            throw new InvalidOperationException(
                $"EarlyStopper monitors '{Monitor}', which the evaluation did not report (it reported: {string.Join(", ", state.EvalMetrics.Keys)}).");
        }

        bool better = Mode == MonitorMode.Min ? value < Best - MinDelta : value > Best + MinDelta;
        if (better)
        {
            Best = value;
            Wait = 0;
            return;
        }

        Wait++;
        if (Wait >= Patience)
        {
            state.StopTraining = true;
            Stopped = true;
        }
    }

    /// <inheritdoc />
    public Dictionary<string, Tensor> StateDict() => new()
    {
        ["best"] = tensor(Best, ScalarType.Float64),
        ["wait"] = tensor((long)Wait),
    };

    /// <inheritdoc />
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        Check.NotNull(state);
        Best = state["best"].item<double>();
        Wait = (int)state["wait"].item<long>();
        Stopped = false;
    }
}
