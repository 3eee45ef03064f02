using System.Diagnostics;
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Distributed.Tests;

/// <summary>
/// The failing side of a job, written as a user would write it: data-parallel training in which one rank
/// (<c>failingRank</c>) goes wrong mid-training while the others keep training. Before it fails, that rank
/// prints <see cref="Marker"/> and the time, so the check can tell how long the job took to end after the failure.
/// </summary>
internal static class FailureScenarios
{
    public const string Marker = "scenario: failing at unix ms ";

    /// <summary>Every scenario, by the name the command line and <see cref="FailureChecks"/> use.</summary>
    public static readonly IReadOnlyDictionary<string, Func<int, int>> All = new Dictionary<string, Func<int, int>>
    {
        ["throw"] = rank => Train(rank, 4000, () => throw new InvalidOperationException($"rank {rank} fails on purpose")),
        ["kill"] = rank => Train(rank, 4000, () => Process.GetCurrentProcess().Kill()),
        ["exit"] = rank => Train(rank, 4000, () => Environment.Exit(3)),
        ["return"] = ReturnEarly,
        ["unequal-data"] = rank => Train(rank, 3900, null),
        ["unequal-data-loop"] = UnequalDataLoop,
        ["slow-exit"] = SlowExit,
        ["return-before-start"] = rank => BeforeStart(rank, () => { }),
        ["throw-before-start"] = rank => BeforeStart(rank, () => throw new InvalidOperationException($"rank {rank} finds no data")),
    };

    private const int Samples = 4000, BatchSize = 100, FailAtBatch = 3;

    private static void Mark() => Console.WriteLine($"{Marker}{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");

    /// <summary>Two epochs over this rank's own data (no sharding: each rank loads its part), failing at batch 3.</summary>
    private static int Train(int failingRank, long failingRanksSamples, Action? fail)
    {
        Dist.Initialize();
        bool failing = Dist.Rank == failingRank;
        long samples = failing ? failingRanksSamples : Samples;
        manual_seed(10 + Dist.Rank);
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(samples, 8),
            ["label"] = randint(0, 3, samples, dtype: ScalarType.Int64),
        });
        using var loader = new EpochDataLoader(data, batchSize: BatchSize);
        using var model = new ComposerClassifier(nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3)));
        using var optimizer = optim.SGD(model.parameters(), 0.01);
        var callbacks = new List<Callback>();
        if (failing && fail is not null) callbacks.Add(new AtBatch(FailAtBatch, () => { Mark(); fail(); }));
        if (failing && samples != Samples) Mark();
        using var trainer = new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            MaxDuration = "2ep",
            Device = "cpu",
            Callbacks = callbacks,
        });
        trainer.Fit();
        return 0;
    }

    /// <summary>The failing rank leaves (returns or throws) before it ever talks to the others, say while loading its data.</summary>
    private static int BeforeStart(int failingRank, Action leave)
    {
        if (Dist.Rank == failingRank) // Dist knows the rank from mpirun's environment before initializing
        {
            Mark();
            leave();
            return 0;
        }

        return Train(failingRank, Samples, null);
    }

    /// <summary>A rank catches the exception of its training and leaves Main normally, exit code 0.</summary>
    private static int ReturnEarly(int failingRank)
    {
        try
        {
            return Train(failingRank, Samples, () => throw new InvalidOperationException("caught below"));
        }
        catch (InvalidOperationException) when (Dist.Rank == failingRank)
        {
            return 0;
        }
    }

    /// <summary>A hand-written data-parallel loop whose failing rank holds 3,900 samples and the others 4,000.</summary>
    private static int UnequalDataLoop(int failingRank)
    {
        Dist.Initialize();
        bool failing = Dist.Rank == failingRank;
        long samples = failing ? 3900 : Samples;
        manual_seed(10 + Dist.Rank);
        var x = randn(samples, 8);
        var y = randint(0, 3, samples, dtype: ScalarType.Int64);
        var model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3));
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.SGD(model.parameters(), 0.01);
        for (long start = 0; start < samples; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(x.narrow(0, start, BatchSize)), y.narrow(0, start, BatchSize)).backward();
            reducer.AverageGradients();
            optimizer.step();
        }

        if (failing) Mark();
        return 0;
    }

    /// <summary>No failure: the failing rank works 3 s longer after training (rank 0 saving a model, say); the job must succeed.</summary>
    private static int SlowExit(int slowRank)
    {
        Train(slowRank, Samples, null);
        if (Dist.Rank == slowRank)
        {
            Mark();
            Thread.Sleep(TimeSpan.FromSeconds(3));
        }

        return 0;
    }

    private sealed class AtBatch(long batch, Action action) : Callback
    {
        public override void Run(Event e, State state)
        {
            if (e == Event.BatchEnd && state.Timestamp.Batch == batch) action();
        }
    }
}
