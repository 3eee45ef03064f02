// Scenario: a TorchSharp-only trainer library builds DataLoader with an epoch-aware RandomSampler as its shuffler (no shuffle/seed arguments) and calls Epochs.SetEpoch on it every epoch (right)
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SharpTrain;

/// <summary>Options for <see cref="SharpTrainer"/>.</summary>
public sealed record SharpTrainerOptions(int BatchSize = 64, int Epochs = 5, int Seed = 0, double LearningRate = 0.01);

/// <summary>
/// Trains on TorchSharp's own <see cref="DataLoader"/>. Shuffling uses an epoch-aware <see cref="RandomSampler"/>,
/// so each epoch gets a different order that is still reproducible from <see cref="SharpTrainerOptions.Seed"/>.
/// </summary>
public sealed class SharpTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly SharpTrainerOptions _options;
    private readonly DataLoader _loader;

    public SharpTrainer(nn.Module<Tensor, Tensor> model, torch.utils.data.Dataset dataset, SharpTrainerOptions? options = null)
    {
        _model = model;
        _options = options ?? new SharpTrainerOptions();
        _loader = new DataLoader(dataset, _options.BatchSize, new RandomSampler(dataset.Count, seed: _options.Seed));
    }

    public void Fit(Action<int, float>? log = null)
    {
        using var optimizer = optim.SGD(_model.parameters(), _options.LearningRate);
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            Epochs.SetEpoch(_loader, epoch);
            float last = 0;
            foreach (var batch in _loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                last = loss.item<float>();
            }
            log?.Invoke(epoch, last);
        }
    }

    public void Dispose() => _loader.Dispose();
}
