// Scenario: a training loop awaits each registered IEpochHook with the loader before the epoch (the hook interface's method is not in view; the shipped ReshuffleHook sets the whole loader's epoch), then iterates the shuffled loader — right, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Hooks;

public interface IEpochHook
{
    Task BeforeEpochAsync(EpochDataLoader loader, int epoch, CancellationToken ct);
}

public sealed class ReshuffleHook : IEpochHook
{
    public Task BeforeEpochAsync(EpochDataLoader loader, int epoch, CancellationToken ct)
    {
        loader.SetEpoch(epoch);
        return Task.CompletedTask;
    }
}

public sealed class WarmupLogHook(TextWriter log) : IEpochHook
{
    public Task BeforeEpochAsync(EpochDataLoader loader, int epoch, CancellationToken ct) =>
        log.WriteLineAsync($"epoch {epoch}: {loader.Count} batches ahead");
}

public sealed class HookedTrainer(IReadOnlyList<IEpochHook> hooks)
{
    public async Task TrainAsync(InMemoryDataset data, int epochs, CancellationToken ct)
    {
        var sampler = new RandomSampler(data.Count, seed: 31);
        using var train = new EpochDataLoader(data, batchSize: 100, sampler: sampler);

        using var model = nn.Sequential(("fc1", nn.Linear(20, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 3)));
        using var optimizer = optim.Adagrad(model.parameters(), 1e-2);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in hooks)
                await hook.BeforeEpochAsync(train, epoch, ct);

            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
