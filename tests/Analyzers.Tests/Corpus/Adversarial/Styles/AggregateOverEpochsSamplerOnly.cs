// Scenario: a functional trainer folds Enumerable.Range(0, epochs).Aggregate over an immutable TrainState and reshuffles with (loader.Sampler as IEpochAware)?.SetEpoch(epoch), but the loader draws from a BatchSampler over a DistributedSampler, so its Sampler is sequential and every epoch replays epoch 0 (wrong: CMP001).
using System.Collections.Immutable;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.AggregateOverEpochsSamplerOnly;

public sealed record TrainConfig(int Epochs, int BatchSize, int Seed, double LearningRate, double ClipNorm);

public sealed record TrainState(int Epoch, ImmutableList<double> Losses, double BestLoss)
{
    public static TrainState Initial { get; } = new(-1, ImmutableList<double>.Empty, double.PositiveInfinity);

    public TrainState Next(int epoch, double loss) => this with
    {
        Epoch = epoch,
        Losses = Losses.Add(loss),
        BestLoss = Math.Min(BestLoss, loss),
    };
}

public static class FoldTrainer
{
    public static TrainState Fit(TrainConfig cfg, InMemoryDataset data)
    {
        var loader = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: cfg.Seed), cfg.BatchSize, dropLast: true));
        var model = nn.Sequential(nn.Linear(10, 48), nn.SiLU(), nn.Linear(48, 1));
        var optimizer = optim.AdamW(model.parameters(), lr: cfg.LearningRate);

        return Enumerable.Range(0, cfg.Epochs).Aggregate(TrainState.Initial, (state, epoch) =>
        {
            (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
            var losses = loader
                .Select(batch => Step(model, optimizer, batch, cfg.ClipNorm))
                .ToImmutableArray();
            var next = state.Next(epoch, losses.IsEmpty ? double.NaN : losses.Average());
            Report(next);
            return next;
        });
    }

    private static double Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, IReadOnlyDictionary<string, Tensor> batch, double clip)
    {
        optimizer.zero_grad();
        using var prediction = model.forward(batch["x"]);
        using var loss = nn.functional.smooth_l1_loss(prediction, batch["y"]);
        loss.backward();
        nn.utils.clip_grad_norm_(model.parameters(), clip);
        optimizer.step();
        return loss.item<float>();
    }

    private static void Report(TrainState state) => Console.WriteLine(state switch
    {
        { Losses.Count: 0 } => "no epochs yet",
        var s when s.Losses[^1] <= s.BestLoss => $"epoch {s.Epoch}: {s.Losses[^1]:F4} (best)",
        var s => $"epoch {s.Epoch}: {s.Losses[^1]:F4} (best {s.BestLoss:F4})",
    });

    public static void Main()
    {
        Dist.Initialize();
        var x = randn(5000, 10);
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x, ["y"] = x.sum(1, keepdim: true).sin() });
        var final = Fit(new TrainConfig(Epochs: 12, BatchSize: 100, Seed: 21, LearningRate: 3e-3, ClipNorm: 1.0), data);
        Console.WriteLine($"rank {Dist.Rank}: best {final.BestLoss:F4} after {final.Losses.Count} epochs");
    }
}
