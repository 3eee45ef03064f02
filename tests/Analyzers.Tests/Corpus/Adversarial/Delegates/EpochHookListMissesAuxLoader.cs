// Scenario: per-epoch hooks kept in a List<Action<int>> hold train.SetEpoch and the LR warmup's SetEpoch, but the unlabeled RandomSampler loader zipped with train is not among them, so it replays one order every epoch (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.EpochHookListMissesAuxLoader;

public sealed class LinearWarmup
{
    private readonly optim.Optimizer _optimizer;
    private readonly double _baseLr;
    private readonly int _warmupEpochs;

    public LinearWarmup(optim.Optimizer optimizer, double baseLr, int warmupEpochs)
    {
        _optimizer = optimizer;
        _baseLr = baseLr;
        _warmupEpochs = warmupEpochs;
    }

    public void SetEpoch(int epoch)
    {
        double factor = Math.Min(1.0, (epoch + 1) / (double)_warmupEpochs);
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = _baseLr * factor;
    }
}

public static class Program
{
    public static void Main()
    {
        var labeled = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(2048, 32),
            ["label"] = randint(0, 10, new long[] { 2048 }),
        });
        var unlabeled = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(8192, 32) });

        using var train = new EpochDataLoader(labeled, batchSize: 64, shuffle: true, seed: 17);
        using var aux = new EpochDataLoader(unlabeled, batchSize: 64, sampler: new RandomSampler(unlabeled.Count, seed: 18));

        var model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 10));
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
        var warmup = new LinearWarmup(optimizer, baseLr: 1e-3, warmupEpochs: 3);

        var onEpochStart = new List<Action<int>> { train.SetEpoch, warmup.SetEpoch };

        for (int epoch = 0; epoch < 12; epoch++)
        {
            foreach (var hook in onEpochStart) hook(epoch);

            model.train();
            foreach (var (sup, unsup) in train.Zip(aux)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var ce = nn.functional.cross_entropy(model.forward(sup["data"]), sup["label"]);
                var x = unsup["data"];
                var noisy = x + 0.05f * randn_like(x);
                var consistency = (model.forward(x) - model.forward(noisy)).pow(2).mean();
                var loss = ce + 0.3f * consistency;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} done");
        }
    }
}
