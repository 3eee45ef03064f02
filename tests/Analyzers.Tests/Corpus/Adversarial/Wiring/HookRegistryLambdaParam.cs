// Scenario: a hook registry filled before the loop holds `e => Epochs.SetEpoch(train, e)` under "on_train_epoch_start" (a lambda handed on, taking the epoch from its own parameter); the loop fires the hook and resumes mid-epoch with IterateFrom on the first epoch — correct, no finding
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.HookRegistryLambdaParam;

public sealed class HookRegistry
{
    private readonly Dictionary<string, List<Action<int>>> _hooks = new();

    public void Add(string name, Action<int> hook)
    {
        if (!_hooks.TryGetValue(name, out var list)) _hooks[name] = list = new();
        list.Add(hook);
    }

    public void Fire(string name, int epoch)
    {
        if (_hooks.TryGetValue(name, out var list))
            foreach (var hook in list) hook(epoch);
    }
}

public static class LightningStyleLoop
{
    public static void Fit(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int startEpoch, long resumeBatch, int maxEpochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 8, prefetch: true);
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var hooks = new HookRegistry();
        hooks.Add("on_train_epoch_start", e => Epochs.SetEpoch(train, e));
        hooks.Add("on_train_epoch_start", e => Console.WriteLine($"Epoch {e}"));
        hooks.Add("on_train_epoch_end", e => Console.WriteLine($"Epoch {e} done"));

        for (int epoch = startEpoch; epoch < maxEpochs; epoch++)
        {
            hooks.Fire("on_train_epoch_start", epoch);
            long skip = epoch == startEpoch ? resumeBatch : 0;
            foreach (var batch in train.IterateFrom(skip))
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            hooks.Fire("on_train_epoch_end", epoch);
        }
    }
}
