// Scenario: Lightning-style trainer whose epoch loop calls OnTrainEpochStart(epoch), which sets the field loader's epoch, then RunEpoch() iterating that field (built with a RandomSampler). Correct, no finding: the pass is handled by "a call to a method, constructor or local function in view that does one of these to a field or property". The validation helper's loader uses a SequentialSampler and is not epoch-dependent.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.LightningEpochStartHook;

public sealed class RegressionModule
{
    private readonly EpochDataLoader _trainLoader;
    private readonly EpochDataLoader _valLoader;
    private readonly nn.Module<Tensor, Tensor> _net;
    private readonly optim.Optimizer _opt;
    private int _globalStep;

    public RegressionModule(InMemoryDataset train, InMemoryDataset val)
    {
        _trainLoader = new EpochDataLoader(train, batchSize: 64, sampler: new RandomSampler(train.Count, seed: 11));
        _valLoader = new EpochDataLoader(val, batchSize: 64, sampler: new SequentialSampler(val.Count));
        _net = nn.Sequential(("in", nn.Linear(8, 32)), ("act", nn.Tanh()), ("out", nn.Linear(32, 1)));
        _opt = optim.Adam(_net.parameters(), lr: 1e-3);
    }

    public void Fit(int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            OnTrainEpochStart(epoch);
            var train = RunEpoch();
            var val = ValidationLoop();
            Console.WriteLine($"[{epoch:D3}] step={_globalStep} mse={train:F5} val_mse={val:F5}");
        }
    }

    private void OnTrainEpochStart(int epoch)
    {
        _trainLoader.SetEpoch(epoch);
        _net.train();
    }

    private double RunEpoch()
    {
        double sum = 0;
        var n = 0;
        foreach (var batch in _trainLoader)
        {
            using var scope = NewDisposeScope();
            _opt.zero_grad();
            var loss = nn.functional.mse_loss(_net.forward(batch["x"]), batch["y"]);
            loss.backward();
            _opt.step();
            sum += loss.item<float>();
            n++;
            _globalStep++;
        }
        return sum / Math.Max(n, 1);
    }

    private double ValidationLoop()
    {
        _net.eval();
        using var _ = no_grad();
        double sum = 0;
        var n = 0;
        foreach (var batch in _valLoader)
        {
            sum += nn.functional.mse_loss(_net.forward(batch["x"]), batch["y"]).item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}

public static class Program
{
    public static void Main()
    {
        var train = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(5000, 8), ["y"] = randn(5000, 1) });
        var val = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(500, 8), ["y"] = randn(500, 1) });
        new RegressionModule(train, val).Fit(25);
    }
}
