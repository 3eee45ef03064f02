// Scenario: a library's EventedTrainer subscribes its own shuffled loader's SetEpoch to its EpochStarting event in the constructor and raises the event each epoch (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Evented;

/// <summary>
/// A trainer that announces epochs through <see cref="EpochStarting"/>; anything epoch-aware
/// (loaders, schedules, augmentation) can subscribe to it.
/// </summary>
public sealed class EventedTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly EpochDataLoader _train;

    public event Action<int>? EpochStarting;
    public event Action<int, double>? EpochEnded;

    public EventedTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, InMemoryDataset trainData,
        int batchSize = 128, int seed = 0)
    {
        _model = model;
        _optimizer = optimizer;
        _train = new EpochDataLoader(trainData, batchSize, shuffle: true, seed: seed, prefetch: true);
        // the loader reshuffles whenever an epoch starts
        EpochStarting += _train.SetEpoch;
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            _model.train();
            double total = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
            }
            EpochEnded?.Invoke(epoch, total / Math.Max(1, _train.Count));
        }
    }

    public void Dispose() => _train.Dispose();
}
