// Scenario: a loader factory returns a loader from a switch expression on a mode enum: the Train arm is a TorchSharp DataLoader shuffled with the config's fixed seed, and the Metric arm copies the train arguments next to a P×K batch sampler (wrong: fixed-seed TorchSharp order, and batchSize/shuffle conflict with batchSampler).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut.Structure.LoaderFactorySwitchOnMode;

public enum LoaderMode
{
    Train,
    Eval,
    Metric,
}

public sealed record FactoryConfig(int BatchSize = 32, int EvalBatchSize = 256, int Seed = 1234, string Device = "cpu");

public sealed class LoaderFactory(FactoryConfig config)
{
    public IEnumerable<Dictionary<string, Tensor>> Create(LoaderMode mode, InMemoryDataset data, ClassBalancedBatchSampler pk) => mode switch
    {
        LoaderMode.Train => new DataLoader(data, config.BatchSize, shuffle: true, device: torch.device(config.Device), seed: config.Seed), //! CMP003
        LoaderMode.Eval => new DataLoader(data, config.EvalBatchSize, shuffle: false, device: torch.device(config.Device)),
        LoaderMode.Metric => new EpochDataLoader(data, batchSize: 32, shuffle: true, batchSampler: pk), //! CMP006 CMP006
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown loader mode"),
    };
}

public static class FactoryUsage
{
    public static double EvaluateOnce(LoaderFactory factory, InMemoryDataset data, ClassBalancedBatchSampler pk, nn.Module<Tensor, Tensor> model)
    {
        using var noGrad = torch.no_grad();
        model.eval();
        double total = 0;
        int batches = 0;
        foreach (var batch in factory.Create(LoaderMode.Eval, data, pk))
        {
            total += nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).item<float>();
            batches++;
        }
        return total / Math.Max(1, batches);
    }
}
