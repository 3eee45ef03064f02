// Scenario: a trainer builds its loader in the constructor with a RandomSampler (no batch sampler) and its OnEpochStart callback sets the epoch on loader.Sampler: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Hooks.Owned;

public sealed class OwnedLoaderTrainer : IDisposable
{
    readonly EpochDataLoader _train;
    readonly nn.Module<Tensor, Tensor> _model;
    readonly optim.Optimizer _optimizer;

    public OwnedLoaderTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int batchSize, int seed)
    {
        _train = new EpochDataLoader(data, batchSize: batchSize, sampler: new RandomSampler(data.Count, seed: seed), prefetch: true);
        _model = model;
        _optimizer = optim.Adagrad(model.parameters(), lr: 0.01);
    }

    void OnEpochStart(int epoch)
    {
        if (_train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochStart(epoch);
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
        }
    }

    public void Dispose() => _train.Dispose();
}
