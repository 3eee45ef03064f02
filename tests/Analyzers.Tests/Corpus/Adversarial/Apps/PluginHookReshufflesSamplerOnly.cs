// Scenario: a plugin host gets its training loader from a dataset plugin (through an interface) and reshuffles it in an epoch-start hook that sets only loader.Sampler — wrong, CMP001 in the hook (a plugin's loader may draw from a batch sampler, which the hook never reaches).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LabBench.Plugins;

// Implemented by dataset plugins loaded from the plugins folder.
public interface IDatasetPlugin
{
    string Name { get; }
    int Features { get; }
    int Classes { get; }
    EpochDataLoader CreateTrainLoader(int batchSize);
}

public interface ITrainingHook
{
    void OnEpochStart(int epoch);
    void OnEpochEnd(int epoch, double loss);
}

public sealed class ReshuffleHook : ITrainingHook
{
    private readonly EpochDataLoader _loader;

    public ReshuffleHook(EpochDataLoader loader)
    {
        _loader = loader;
    }

    public void OnEpochStart(int epoch)
    {
        if (_loader.Sampler is IEpochAware shuffling)
            shuffling.SetEpoch(epoch); //! CMP001
    }

    public void OnEpochEnd(int epoch, double loss) { }
}

public sealed class ConsoleHook(string plugin) : ITrainingHook
{
    public void OnEpochStart(int epoch) => Console.WriteLine($"[{plugin}] epoch {epoch} starting");
    public void OnEpochEnd(int epoch, double loss) => Console.WriteLine($"[{plugin}] epoch {epoch} loss {loss:F4}");
}

public sealed class PluginTrainingHost
{
    public nn.Module<Tensor, Tensor> Train(IDatasetPlugin plugin, int epochs, CancellationToken ct)
    {
        var loader = plugin.CreateTrainLoader(batchSize: 64);
        var hooks = new List<ITrainingHook> { new ReshuffleHook(loader), new ConsoleHook(plugin.Name) };

        var model = nn.Sequential(
            nn.Linear(plugin.Features, 128),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(128, plugin.Classes));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in hooks) hook.OnEpochStart(epoch);

            double sum = 0;
            int steps = 0;
            foreach (var batch in loader)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }

            foreach (var hook in hooks) hook.OnEpochEnd(epoch, sum / Math.Max(steps, 1));
        }

        return model;
    }
}
