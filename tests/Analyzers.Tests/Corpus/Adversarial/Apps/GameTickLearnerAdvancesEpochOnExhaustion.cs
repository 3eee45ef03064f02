// Scenario: a game's imitation-learning bot trains one batch per Tick(); when the loader's enumerator is exhausted it bumps the epoch kept in a field, sets it on the loader and takes a fresh enumerator — correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Bots;

public enum LearnerState { Idle, Training, Paused }

public sealed class PolicyNet : nn.Module<Tensor, Tensor>
{
    private readonly Linear _l1 = nn.Linear(40, 128);
    private readonly Linear _l2 = nn.Linear(128, 128);
    private readonly Linear _actions = nn.Linear(128, 6);

    public PolicyNet() : base(nameof(PolicyNet)) => RegisterComponents();

    public override Tensor forward(Tensor obs) =>
        _actions.forward(nn.functional.relu(_l2.forward(nn.functional.relu(_l1.forward(obs)))));
}

public sealed class ImitationLearner : IDisposable
{
    private readonly EpochDataLoader _demos;
    private readonly PolicyNet _policy = new();
    private readonly optim.Optimizer _optimizer;
    private IEnumerator<Dictionary<string, Tensor>> _batches;
    private int _epoch;

    public ImitationLearner(InMemoryDataset recordedDemos)
    {
        _demos = new EpochDataLoader(recordedDemos, batchSize: 32, shuffle: true, seed: 8);
        _optimizer = optim.Adam(_policy.parameters(), lr: 3e-4);
        _demos.SetEpoch(_epoch);
        _batches = _demos.GetEnumerator();
    }

    public LearnerState State { get; set; } = LearnerState.Idle;

    public int Epoch => _epoch;

    public float LastLoss { get; private set; }

    // Called once per game frame by the host; does at most one optimizer step.
    public void Tick()
    {
        if (State != LearnerState.Training) return;

        if (!_batches.MoveNext())
        {
            // this pass over the demos is done: next epoch, next order
            _batches.Dispose();
            _epoch++;
            _demos.SetEpoch(_epoch);
            _batches = _demos.GetEnumerator();
            if (!_batches.MoveNext()) return;
        }

        using var scope = NewDisposeScope();
        var batch = _batches.Current;
        var loss = nn.functional.cross_entropy(_policy.forward(batch["data"]), batch["label"]);
        _optimizer.zero_grad();
        loss.backward();
        _optimizer.step();
        LastLoss = loss.item<float>();
    }

    public int Act(Tensor observation)
    {
        using var _ = no_grad();
        return (int)_policy.forward(observation.unsqueeze(0)).argmax(1).item<long>();
    }

    public void Dispose()
    {
        _batches.Dispose();
        _demos.Dispose();
    }
}

public sealed class GameHost
{
    private readonly ImitationLearner _learner;
    private volatile bool _running = true;

    public GameHost(ImitationLearner learner) => _learner = learner;

    public void Stop() => _running = false;

    public void Run()
    {
        _learner.State = LearnerState.Training;
        var frame = TimeSpan.FromMilliseconds(16);
        while (_running)
        {
            var started = DateTime.UtcNow;
            _learner.Tick();
            var left = frame - (DateTime.UtcNow - started);
            if (left > TimeSpan.Zero) Thread.Sleep(left);
        }
    }
}
