// Scenario: the loop calls SetEpoch(epoch) on a warm-up/cosine learning-rate schedule and believes that covers the epoch; the sharded loader's epoch is never set; wrong.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.LrSchedulerSetEpochLookAlike;

/// <summary>Per-epoch learning rate: linear warm-up, then cosine decay.</summary>
public sealed class WarmupCosineSchedule
{
    private readonly optim.Optimizer _optimizer;
    private readonly double _baseLr;
    private readonly int _warmupEpochs, _totalEpochs;

    public WarmupCosineSchedule(optim.Optimizer optimizer, double baseLr, int warmupEpochs, int totalEpochs)
        => (_optimizer, _baseLr, _warmupEpochs, _totalEpochs) = (optimizer, baseLr, warmupEpochs, totalEpochs);

    public double Current { get; private set; }

    public void SetEpoch(int epoch)
    {
        Current = epoch < _warmupEpochs
            ? _baseLr * (epoch + 1) / _warmupEpochs
            : 0.5 * _baseLr * (1 + Math.Cos(Math.PI * (epoch - _warmupEpochs) / Math.Max(1, _totalEpochs - _warmupEpochs)));
        foreach (var group in _optimizer.ParamGroups)
            group.LearningRate = Current;
    }
}

public static class ScheduledTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int epochs)
    {
        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        var schedule = new WarmupCosineSchedule(optimizer, baseLr: 0.1, warmupEpochs: 5, totalEpochs: epochs);
        var sampler = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 31);
        using var train = new EpochDataLoader(data, batchSize: 64, sampler: sampler);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            schedule.SetEpoch(epoch);
            foreach (var batch in train) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }
            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch}: lr {schedule.Current:G4}");
        }
    }
}
