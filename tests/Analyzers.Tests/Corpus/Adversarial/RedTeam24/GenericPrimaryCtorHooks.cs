// Scenario: a reusable generic hook class takes the runtime's loader contract through its primary constructor (`class ShuffleHooks<TBatch>(IDataLoader<TBatch> loader)`) and its `BeforeEpoch(epoch)` calls `Epochs.SetEpoch(loader, epoch)` on the captured parameter; a typed loader's training loop builds `new ShuffleHooks<...>(train)` before the loop and calls `BeforeEpoch` every pass. Correct: a method in view on an object built around `train` that sets a captured primary-constructor parameter sets `train` (rules overview, "of a generic type: of every instantiation"). Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.GenericPrimaryCtorHooks;

public sealed class ShuffleHooks<TBatch>(IDataLoader<TBatch> loader, Action<string>? log = null)
{
    private int _calls;

    public void BeforeEpoch(int epoch)
    {
        Epochs.SetEpoch(loader, epoch);
        _calls++;
        log?.Invoke($"before epoch {epoch} (call {_calls})");
    }
}

public static class Forecaster
{
    public static void Train(Module<Tensor, Tensor> model, InMemoryDataset windows, int epochs)
    {
        using var train = new EpochDataLoader(windows, batchSize: 64, shuffle: true, seed: 365, dropLast: true);
        var hooks = new ShuffleHooks<Dictionary<string, Tensor>>(train, Console.WriteLine);
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 10, gamma: 0.5);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hooks.BeforeEpoch(epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var forecast = model.call(batch["history"]);
                var loss = functional.l1_loss(forecast, batch["future"]);
                loss.backward();
                optimizer.step();
            }
            scheduler.step();
        }
    }
}
