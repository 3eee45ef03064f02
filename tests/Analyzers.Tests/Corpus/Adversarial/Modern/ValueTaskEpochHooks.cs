// Scenario: epoch hooks with ValueTask methods receive the loader as a parameter — `await hooks.OnEpochStartAsync(train, epoch)` sets its epoch each pass, and `hooks.Rewind(finetune)` (which calls `SetEpoch(0)`) runs once before the fine-tuning loop, outside any epoch loop — correct, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Hooks;

public sealed class EpochHooks(TextWriter log)
{
    public ValueTask OnEpochStartAsync(EpochDataLoader loader, int epoch)
    {
        loader.SetEpoch(epoch);
        log.WriteLine($"epoch {epoch}: {loader.Count} batches");
        return ValueTask.CompletedTask;
    }

    // Start a new schedule from epoch 0 (a fresh run on another loader).
    public void Rewind(EpochDataLoader loader) => loader.SetEpoch(0);

    public async ValueTask OnEpochEndAsync(int epoch, double loss) =>
        await log.WriteLineAsync($"epoch {epoch}: loss {loss:F4}");
}

public static class PretrainThenFinetune
{
    public static async Task RunAsync(InMemoryDataset pretrainSet, InMemoryDataset finetuneSet, Module<Tensor, Tensor> model)
    {
        var hooks = new EpochHooks(Console.Out);
        using var train = new EpochDataLoader(pretrainSet, batchSize: 256, shuffle: true, seed: 1);
        using var finetune = new EpochDataLoader(finetuneSet, batchSize: 32, shuffle: true, seed: 2);

        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (var epoch = 0; epoch < 10; epoch++)
        {
            await hooks.OnEpochStartAsync(train, epoch);
            await hooks.OnEpochEndAsync(epoch, Step(model, optimizer, train));
        }

        hooks.Rewind(finetune);
        var fineOptimizer = optim.SGD(model.parameters(), learningRate: 1e-4);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            await hooks.OnEpochStartAsync(finetune, epoch);
            await hooks.OnEpochEndAsync(epoch, Step(model, fineOptimizer, finetune));
        }
    }

    private static double Step(Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader)
    {
        model.train();
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}
