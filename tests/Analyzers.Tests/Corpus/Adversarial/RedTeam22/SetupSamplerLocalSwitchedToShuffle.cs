// Scenario: a data module's `Setup()` starts from `ISampler order = new SequentialSampler(n);` and switches to `order = new RandomSampler(n, seed: options.Seed)` when `options.Shuffle` is set, then builds its `Train` property from that local; the module's `TrainEpochs` loops over epochs and never tells `Train` the epoch. The property's value in view is that creation, whose sampler is a local with two values in its member, a SequentialSampler and a RandomSampler: "a variable with an epoch-dependent value in view" (as "either arm of `?:`") makes the loader epoch-dependent. CMP002 on `Train` in the loop.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.SetupSamplerLocalSwitchedToShuffle;

public sealed record DataOptions(int BatchSize, bool Shuffle, int Seed);

public sealed class TabularDataModule
{
    private readonly InMemoryDataset _data;
    private readonly DataOptions _options;

    public TabularDataModule(InMemoryDataset data, DataOptions options)
    {
        _data = data;
        _options = options;
    }

    public EpochDataLoader? Train { get; private set; }

    public void Setup()
    {
        ISampler order = new SequentialSampler(_data.Count);
        if (_options.Shuffle)
            order = new RandomSampler(_data.Count, seed: _options.Seed);
        Train = new EpochDataLoader(_data, batchSize: _options.BatchSize, sampler: order, dropLast: true);
    }

    public void TrainEpochs(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int epochs)
    {
        if (Train is null) Setup();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in Train!) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3000, 12), ["y"] = randn(3000, 1) });
        var module = new TabularDataModule(data, new DataOptions(BatchSize: 50, Shuffle: true, Seed: 99));
        var model = nn.Sequential(("fc1", nn.Linear(12, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 1)));
        module.TrainEpochs(model, optim.Adam(model.parameters(), lr: 1e-3), 40);
    }
}
