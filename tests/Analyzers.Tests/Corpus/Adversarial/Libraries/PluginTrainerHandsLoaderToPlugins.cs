// Scenario: a library's PluginTrainer hands its shuffled loader to every plugin's OnEpochStartAsync in FitAsync (an interface method, where plugins such as the built-in ShufflePlugin set the epoch) (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Plugged;

/// <summary>Implement to take part in training; the trainer calls the members in order.</summary>
public interface ITrainingPlugin
{
    /// <summary>Before each epoch, with the training loader, so a plugin can reseed or reshuffle it.</summary>
    ValueTask OnEpochStartAsync(EpochDataLoader train, int epoch, CancellationToken cancellationToken);
    void OnEpochEnd(int epoch, double loss);
}

/// <summary>The default plugin: reshuffles the training loader every epoch.</summary>
public sealed class ShufflePlugin : ITrainingPlugin
{
    public ValueTask OnEpochStartAsync(EpochDataLoader train, int epoch, CancellationToken cancellationToken)
    {
        train.SetEpoch(epoch);
        return ValueTask.CompletedTask;
    }
    public void OnEpochEnd(int epoch, double loss) { }
}

public sealed class PluginTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly EpochDataLoader _train;
    private readonly IReadOnlyList<ITrainingPlugin> _plugins;

    public PluginTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset data, IEnumerable<ITrainingPlugin>? plugins = null)
    {
        _model = model;
        _train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 11);
        _plugins = plugins?.ToList() ?? new List<ITrainingPlugin> { new ShufflePlugin() };
    }

    public async Task FitAsync(optim.Optimizer optimizer, int epochs, CancellationToken cancellationToken = default)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var plugin in _plugins)
                await plugin.OnEpochStartAsync(_train, epoch, cancellationToken);

            double sum = 0;
            foreach (var batch in _train)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }

            foreach (var plugin in _plugins)
                plugin.OnEpochEnd(epoch, sum / Math.Max(1, _train.Count));
        }
    }
}
