// Scenario: a Reset() method rewinds every loader to epoch 0 with a foreach over the loaders (a loop that iterates no loader, in no epoch loop) while Fit sets the real epoch each pass: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Sweeps;

public sealed class SweepRunner : IDisposable
{
    private readonly List<EpochDataLoader> _loaders = new();
    private readonly EpochDataLoader _train;

    public SweepRunner(InMemoryDataset train, InMemoryDataset holdout)
    {
        _train = new EpochDataLoader(train, batchSize: 64, shuffle: true, seed: 3);
        _loaders.Add(_train);
        _loaders.Add(new EpochDataLoader(holdout, batchSize: 64, shuffle: true, seed: 4));
    }

    public void Reset()
    {
        foreach (var loader in _loaders)
            loader.SetEpoch(0);
    }

    public double Fit(double learningRate, int epochs)
    {
        Reset();
        var model = nn.Sequential(("fc1", nn.Linear(12, 32)), ("relu", nn.ReLU()), ("fc2", nn.Linear(32, 2)));
        var optimizer = optim.SGD(model.parameters(), learningRate);
        double last = double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _train.SetEpoch(epoch);
            foreach (var batch in _train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                last = loss.item<float>();
            }
        }
        return last;
    }

    public void Dispose()
    {
        foreach (var loader in _loaders) loader.Dispose();
    }
}
