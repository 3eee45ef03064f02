// Scenario: a functional pipeline picks its loader with a switch expression over a Sampling enum (shuffled, class-balanced or sequential) and maps each epoch of a foreach over Enumerable.Range with loader.Select(Step).Average(), never setting the epoch; the shuffled and balanced arms replay one order (wrong: CMP002).
using System.Collections.Immutable;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.SwitchExpressionLoaderNeverReshuffled;

public enum Sampling { Sequential, Shuffled, Balanced }

public sealed record Config(Sampling Sampling, int Epochs, int BatchSize, int Seed, double LearningRate);

public readonly record struct Metrics(int Epoch, double Loss, TimeSpan Elapsed);

public static class Pipeline
{
    public static ImmutableArray<Metrics> Train(Config cfg, InMemoryDataset data, IReadOnlyList<long> labels)
    {
        EpochDataLoader loader = cfg.Sampling switch
        {
            Sampling.Shuffled => new EpochDataLoader(data, batchSize: cfg.BatchSize, shuffle: true, seed: cfg.Seed),
            Sampling.Balanced => new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 8, cfg.BatchSize / 8, seed: cfg.Seed)),
            Sampling.Sequential => new EpochDataLoader(data, batchSize: cfg.BatchSize),
            _ => throw new ArgumentOutOfRangeException(nameof(cfg)),
        };

        var model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 8));
        var optimizer = optim.Adam(model.parameters(), lr: cfg.LearningRate);
        Func<Dictionary<string, Tensor>, double> step = batch => Step(model, optimizer, batch);

        var metrics = ImmutableArray.CreateBuilder<Metrics>(cfg.Epochs);
        foreach (var epoch in Enumerable.Range(0, cfg.Epochs))
        {
            var started = DateTime.UtcNow;
            var loss = loader.Select(step).DefaultIfEmpty(double.NaN).Average(); //! CMP002
            metrics.Add(new Metrics(epoch, loss, DateTime.UtcNow - started));
        }
        return metrics.MoveToImmutable();
    }

    private static double Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["features"]), batch["label"]);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    private static string Describe(Metrics m) => m switch
    {
        { Loss: double.NaN } => $"epoch {m.Epoch}: empty",
        { Elapsed.TotalSeconds: > 60 } => $"epoch {m.Epoch}: {m.Loss:F4} (slow: {m.Elapsed:mm\\:ss})",
        _ => $"epoch {m.Epoch}: {m.Loss:F4}",
    };

    public static void Main(string[] args)
    {
        var sampling = args switch
        {
            [var s, ..] when Enum.TryParse<Sampling>(s, ignoreCase: true, out var parsed) => parsed,
            _ => Sampling.Shuffled,
        };
        var labels = Enumerable.Range(0, 4096).Select(i => (long)(i % 8)).ToArray();
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["features"] = randn(4096, 16),
            ["label"] = tensor(labels),
        });
        var cfg = new Config(sampling, Epochs: 5, BatchSize: 64, Seed: 7, LearningRate: 1e-3);
        foreach (var line in Train(cfg, data, labels).Select(Describe)) Console.WriteLine(line);
    }
}
