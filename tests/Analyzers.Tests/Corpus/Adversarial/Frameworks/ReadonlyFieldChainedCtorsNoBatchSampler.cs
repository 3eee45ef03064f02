// Scenario: a readonly loader field is assigned in two constructors (one reached through `: this(...)` chaining) — shuffle: true or an explicit RandomSampler, never a batch sampler — and Fit sets the Sampler's epoch, which is all those loaders need (correct).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ChainedCtors;

public sealed class TabularFitter
{
    private readonly EpochDataLoader _train;
    private readonly Sequential _model = nn.Sequential(
        ("fc1", nn.Linear(40, 128)),
        ("relu1", nn.ReLU()),
        ("fc2", nn.Linear(128, 64)),
        ("relu2", nn.ReLU()),
        ("out", nn.Linear(64, 2)));

    public TabularFitter(InMemoryDataset ds) : this(ds, seed: 0)
    {
    }

    public TabularFitter(InMemoryDataset ds, int seed)
    {
        _train = new EpochDataLoader(ds, batchSize: 128, shuffle: true, seed: seed);
    }

    public TabularFitter(InMemoryDataset ds, bool bootstrap)
    {
        _train = new EpochDataLoader(ds, batchSize: 128, sampler: new RandomSampler(ds.Count, seed: 11, replacement: bootstrap));
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3, weight_decay: 1e-5);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (_train.Sampler is IEpochAware sampler)
                sampler.SetEpoch(epoch);

            foreach (var batch in _train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
