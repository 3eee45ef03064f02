// Scenario: a two-stage fine-tuner keeps its schedule in readonly fields. The warm-up loop tells the loader `Defaults.FirstEpoch` (a `static readonly` field) and the main loop `_schedule.MainStart` (a readonly field of a readonly field), both meant as "the stage's epoch"; only the probe loop in between passes `_schedule.MainStart + epoch`. Wrong twice: each of the two values is written only by constructors, so it is the same on every pass. CMP004 page: flagged when the argument is "a `readonly` field (`m_nStartEpoch`, `this.StartEpoch`, a `static readonly` one): only constructors write it, unless it is read from an object the loop may change"; `_schedule` is itself readonly. CMP004 at the two setters, not at the third.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.ReadonlyFields;

public static class Defaults
{
    public static readonly int FirstEpoch = 0;
}

public sealed class StageSchedule
{
    public readonly int WarmupEpochs;
    public readonly int MainStart;
    public readonly int MainEpochs;

    public StageSchedule(int warmup, int main)
    {
        WarmupEpochs = warmup;
        MainStart = warmup;
        MainEpochs = main;
    }
}

public sealed class TwoStageFineTuner
{
    private readonly StageSchedule _schedule;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;

    public TwoStageFineTuner(StageSchedule schedule, InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    {
        _schedule = schedule;
        _train = new EpochDataLoader(data, batchSize: 48, shuffle: true, seed: 2024);
        _model = model;
    }

    public void Run()
    {
        var head = optim.SGD(_model.parameters(), 0.01);
        for (int epoch = 0; epoch < _schedule.WarmupEpochs; epoch++)
        {
            Epochs.SetEpoch(_train, Defaults.FirstEpoch); //! CMP004
            foreach (var batch in _train) Step(head, batch);
        }

        for (int epoch = 0; epoch < 1; epoch++)
        {
            _train.SetEpoch(_schedule.MainStart + epoch);
            foreach (var batch in _train.Take(4)) Console.WriteLine(batch["data"].shape[0]);
        }

        var full = optim.AdamW(_model.parameters(), lr: 1e-4);
        for (int epoch = 0; epoch < _schedule.MainEpochs; epoch++)
        {
            _train.SetEpoch(_schedule.MainStart); //! CMP004
            foreach (var batch in _train) Step(full, batch);
        }
    }

    private void Step(optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
}
