// Scenario: training hooks come from a plugin loaded at run time and are called through `dynamic`; every pass hands the shuffling loader to the plugin's on_epoch_start, and a callback that sets only the sampler also hands the batch sampler to the plugin's reseed: both go to methods not in view, which may set the epoch: no finding.
using System.Dynamic;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.DynamicPluginHandsLoaderOn;

public sealed class ReshufflePlugin : DynamicObject
{
    public override bool TryInvokeMember(InvokeMemberBinder binder, object?[]? args, out object? result)
    {
        if (binder.Name == "on_epoch_start" && args is [object loader, int epoch]) Epochs.SetEpoch(loader, epoch);
        if (binder.Name == "reseed" && args is [IEpochAware batches, int e]) batches.SetEpoch(e);
        result = null;
        return true;
    }
}

public sealed class PluginReshuffle(EpochDataLoader trainLoader, dynamic plugin)
{
    public void OnEpochStart(int epoch)
    {
        if (trainLoader.Sampler is IEpochAware s) s.SetEpoch(epoch);
        plugin.reseed(trainLoader.BatchSampler, epoch);
    }
}

public static class Program
{
    public static void Main(string[] args)
    {
        dynamic plugin = args.Length > 0 ? Activator.CreateInstance(Type.GetType(args[0], throwOnError: true)!)! : new ReshufflePlugin();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(400, 7), ["label"] = randint(0, 2, 400) });
        using var train = new EpochDataLoader(data, batchSize: 20, shuffle: true, seed: 77);
        var model = nn.Linear(7, 2);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05);

        for (int epoch = 0; epoch < 5; epoch++)
        {
            plugin.on_epoch_start(train, epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
