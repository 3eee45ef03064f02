using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

// Callbacks whose state must survive a resume, standing in for the algorithms and callbacks of the runtime (EMA,
// MixUp, early stopping): each implements IStateful, so the trainer lists it and checkpoints carry its state. None is
// IDisposable: the trainer disposes the callbacks that are, and the tests read them after the trainer is gone.

/// <summary>Counts batches and sums a few numbers per batch: state of a given shape, to check and to compare.</summary>
internal sealed class TallyCallback(int size = 3, string sumKey = "sum") : Callback, IStateful
{
    public Tensor Sum { get; } = zeros(size, dtype: ScalarType.Float64);

    public long Batches { get; private set; }

    public override void Run(Event e, State state)
    {
        if (e == Event.BatchEnd)
        {
            Batches++;
            Sum.add_(Batches);
        }
    }

    public Dictionary<string, Tensor> StateDict() => new() { [sumKey] = Sum, ["batches"] = tensor(Batches) };

    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        Sum.copy_(state[sumKey]);
        Batches = state["batches"].item<long>();
    }
}

/// <summary>An exponential moving average of the model's weights, updated after every batch (Composer's EMA).</summary>
internal sealed class EmaCallback : Callback, IStateful
{
    private readonly nn.Module _model;

    public EmaCallback(nn.Module model)
    {
        _model = model;
        using var noGrad = no_grad();
        Shadow = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
    }

    public Dictionary<string, Tensor> Shadow { get; }

    public override void Run(Event e, State state)
    {
        if (e == Event.BatchEnd)
        {
            using var noGrad = no_grad();
            foreach (var (name, parameter) in _model.named_parameters())
            {
                Shadow[name].mul_(0.9).add_(parameter, alpha: 0.1);
            }
        }
    }

    public Dictionary<string, Tensor> StateDict() => new(Shadow);

    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        foreach (var (name, shadow) in Shadow)
        {
            shadow.copy_(state[name]);
        }
    }
}

/// <summary>Mixes each batch's images with the batch reversed, by a weight drawn from its own generator (MixUp-like).</summary>
internal sealed class MixCallback(long seed) : Callback, IStateful
{
    private readonly Generator _generator = new((ulong)seed);

    public override void Run(Event e, State state)
    {
        if (e == Event.BatchStart)
        {
            double weight = 0.7 + 0.3 * rand(1, generator: _generator).item<float>();
            var data = state.Batch!["data"];
            state.Batch["data"] = data * weight + data.flip(0) * (1 - weight);
        }
    }

    public Dictionary<string, Tensor> StateDict() => new() { ["generator"] = _generator.get_state() };

    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state) => _generator.set_state(state["generator"]);

    public Tensor GeneratorState() => _generator.get_state();
}

/// <summary>Stops training when the batch loss has not improved on its best for <c>patience</c> batches (early stopping).</summary>
internal sealed class StopWhenStuckCallback(int patience) : Callback, IStateful
{
    public double Best { get; private set; } = double.PositiveInfinity;

    public long Bad { get; private set; }

    public Timestamp? StoppedAt { get; private set; }

    public override void Run(Event e, State state)
    {
        if (e != Event.BatchEnd)
        {
            return;
        }

        if (state.Loss < Best)
        {
            Best = state.Loss;
            Bad = 0;
        }
        else if (++Bad >= patience)
        {
            state.StopTraining = true;
            StoppedAt = state.Timestamp;
        }
    }

    public Dictionary<string, Tensor> StateDict() => new() { ["best"] = tensor(Best), ["bad"] = tensor(Bad) };

    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        Best = state["best"].item<double>();
        Bad = state["bad"].item<long>();
    }
}
