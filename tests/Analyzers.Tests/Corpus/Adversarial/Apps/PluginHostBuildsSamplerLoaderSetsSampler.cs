// Scenario: a plugin host takes only the data set and model from each plugin interface and builds the loader itself with a RandomSampler (no batch sampler), then reshuffles it through loader.Sampler each epoch — correct, no diagnostic (the loader's own BatchSampler wraps that very sampler).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Plugins;

public interface ITaskPlugin
{
    string Name { get; }
    torch.utils.data.Dataset TrainingSet { get; }
    nn.Module<Tensor, Tensor> CreateModel();
    Tensor Loss(Tensor output, Dictionary<string, Tensor> batch);
}

public sealed class PluginRunSummary
{
    public required string Plugin { get; init; }
    public List<double> EpochLosses { get; } = new();
}

public sealed class PluginTrainingHost
{
    private readonly IReadOnlyList<ITaskPlugin> _plugins;
    private readonly int _batchSize;

    public PluginTrainingHost(IEnumerable<ITaskPlugin> plugins, int batchSize = 32)
    {
        _plugins = plugins.ToList();
        _batchSize = batchSize;
    }

    public async Task<IReadOnlyList<PluginRunSummary>> TrainAllAsync(int epochs, IProgress<string> progress, CancellationToken ct)
    {
        var summaries = new List<PluginRunSummary>();
        foreach (var plugin in _plugins)
        {
            progress.Report($"Training {plugin.Name}…");
            summaries.Add(await Task.Run(() => TrainOne(plugin, epochs, ct), ct));
        }
        return summaries;
    }

    private PluginRunSummary TrainOne(ITaskPlugin plugin, int epochs, CancellationToken ct)
    {
        var data = plugin.TrainingSet;
        using var loader = new EpochDataLoader(data, batchSize: _batchSize, sampler: new RandomSampler(data.Count, seed: 77));
        var model = plugin.CreateModel();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var summary = new PluginRunSummary { Plugin = plugin.Name };

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware reshuffle) reshuffle.SetEpoch(epoch);

            double sum = 0;
            int steps = 0;
            foreach (var batch in loader)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var loss = plugin.Loss(model.forward(batch["data"]), batch);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }
            summary.EpochLosses.Add(sum / Math.Max(steps, 1));
        }

        return summary;
    }
}
