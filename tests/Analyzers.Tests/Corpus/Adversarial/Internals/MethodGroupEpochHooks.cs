// Scenario: the per-epoch hooks are a list of method groups, `new List<Action<int>> { train.SetEpoch, aux.SetEpoch, schedule.Step }`, all invoked with the epoch at the start of each pass. Right: a setter handed on as a delegate counts on every pass (relabelled 2026-12-06, when method groups became setters; it was a documented limit that flagged both loaders).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.MethodGroupEpochHooks;

public sealed class WarmupSchedule
{
    private readonly optim.Optimizer _optimizer;
    private readonly double _baseLr;
    private readonly int _warmup;

    public WarmupSchedule(optim.Optimizer optimizer, double baseLr, int warmup)
    {
        _optimizer = optimizer;
        _baseLr = baseLr;
        _warmup = warmup;
    }

    public void Step(int epoch)
    {
        double lr = epoch < _warmup ? _baseLr * (epoch + 1) / _warmup : _baseLr;
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = lr;
    }
}

public static class HookedLoop
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset images, InMemoryDataset captions, int epochs)
    {
        using var train = new EpochDataLoader(images, batchSize: 64, shuffle: true, seed: 1);
        using var aux = new EpochDataLoader(captions, batchSize: 64, shuffle: true, seed: 2);
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        var schedule = new WarmupSchedule(optimizer, 1e-3, warmup: 3);
        var epochHooks = new List<Action<int>> { train.SetEpoch, aux.SetEpoch, schedule.Step };

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in epochHooks) hook(epoch);
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }
            foreach (var batch in aux)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["target"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
