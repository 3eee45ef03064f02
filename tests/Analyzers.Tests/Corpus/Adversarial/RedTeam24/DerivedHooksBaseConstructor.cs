// Scenario: an abstract EpochHooksBase stores the loader its constructor is given in a protected field and its `OnEpochStart` sets that field's epoch; a derived LoggingHooks only passes the loader on (`: base(loader)`). The loop builds `var hooks = new LoggingHooks(train, log)` and calls `hooks.OnEpochStart(epoch)` each pass. Correct: a method in view on an object built around `train` that sets what its constructor was given sets `train` (the constructor hands it to its base constructor in view, which stores it). Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.DerivedHooksBaseConstructor;

public abstract class EpochHooksBase
{
    protected readonly EpochDataLoader Loader;

    protected EpochHooksBase(EpochDataLoader loader)
    {
        Loader = loader;
    }

    public void OnEpochStart(int epoch)
    {
        Loader.SetEpoch(epoch);
        OnStarted(epoch);
    }

    protected abstract void OnStarted(int epoch);
}

public sealed class LoggingHooks : EpochHooksBase
{
    private readonly TextWriter _log;

    public LoggingHooks(EpochDataLoader loader, TextWriter log) : base(loader)
    {
        _log = log;
    }

    protected override void OnStarted(int epoch) => _log.WriteLine($"epoch {epoch} started at {DateTime.Now:T}");
}

public static class Segmentation
{
    public static void Fit(Module<Tensor, Tensor> model, InMemoryDataset tiles, int epochs, TextWriter log)
    {
        using var train = new EpochDataLoader(tiles, batchSize: 16, shuffle: true, seed: 5, dropLast: true);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-4);
        var hooks = new LoggingHooks(train, log);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hooks.OnEpochStart(epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.binary_cross_entropy_with_logits(model.call(batch["image"]), batch["mask"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
