// Scenario: a functional augmentation pipeline rebuilds its loaders on every pass of the epoch loop, an EpochDataLoader(shuffle: true, seed: cfg.Seed + epoch) and a TorchSharp DataLoader(shuffle: true, seed: epochSeed) with epochSeed declared in the loop, so each epoch gets a fresh order (right: nothing flagged).
using System.Collections.Immutable;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut3.Styles.RebuiltLoadersWithEpochDerivedSeeds;

public sealed record AugmentConfig(int Epochs, int BatchSize, int Seed, double NoiseStd);

public sealed record EpochLog(int Epoch, int Seed, double CleanLoss, double NoisyLoss);

public static class Augmentation
{
    public static InMemoryDataset WithNoise(InMemoryDataset source, double std, int seed)
    {
        var generator = new Generator((ulong)seed);
        return new InMemoryDataset(source.Columns.ToDictionary(
            c => c.Key,
            c => c.Key == "x" ? c.Value + std * randn(c.Value.shape, generator: generator) : c.Value));
    }

    public static ImmutableList<EpochLog> Train(AugmentConfig cfg, InMemoryDataset clean)
    {
        var model = nn.Sequential(nn.Linear(12, 40), nn.ReLU(), nn.Linear(40, 3));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        double Step(Dictionary<string, Tensor> batch)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        var log = ImmutableList<EpochLog>.Empty;
        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            using var cleanLoader = new EpochDataLoader(clean, batchSize: cfg.BatchSize, shuffle: true, seed: cfg.Seed + epoch);
            var cleanLoss = cleanLoader.Select(Step).DefaultIfEmpty(double.NaN).Average();

            var epochSeed = cfg.Seed * 1_000 + epoch;
            var noisy = WithNoise(clean, cfg.NoiseStd, epochSeed);
            using var noisyLoader = new DataLoader(noisy, cfg.BatchSize, shuffle: true, seed: epochSeed, disposeDataset: true);
            var noisyLoss = noisyLoader.Select(Step).DefaultIfEmpty(double.NaN).Average();

            log = log.Add(new EpochLog(epoch, epochSeed, cleanLoss, noisyLoss));
        }
        return log;
    }

    public static void Main()
    {
        var clean = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["x"] = randn(1500, 12),
            ["y"] = randint(0, 3, new long[] { 1500 }),
        });
        var log = Train(new AugmentConfig(Epochs: 6, BatchSize: 30, Seed: 5, NoiseStd: 0.1), clean);
        var (bestEpoch, bestLoss) = log.Aggregate((Epoch: -1, Loss: double.MaxValue),
            (best, e) => e.NoisyLoss < best.Loss ? (e.Epoch, e.NoisyLoss) : best);
        log.ForEach(e => Console.WriteLine($"{e.Epoch}: seed {e.Seed}, clean {e.CleanLoss:F3}, noisy {e.NoisyLoss:F3}"));
        Console.WriteLine($"best noisy epoch {bestEpoch} ({bestLoss:F3})");
    }
}
