// Scenario: a switch expression with nested property patterns only names the sampling scheme for the log (`run switch { { Loader.Sampler: DistributedSampler } => "ddp", { Loader.BatchSampler: ClassBalancedBatchSampler } => "pk", _ => "plain" }`); the loader itself is set as a whole each epoch. Correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.SwitchExpressionNestedPatternLogOnly;

public sealed class LoggedRun
{
    public LoggedRun(InMemoryDataset data, IReadOnlyList<long> labels)
    {
        Loader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 8, seed: 2));
    }

    public EpochDataLoader Loader { get; }
}

public static class LoggedLoop
{
    public static void Fit(LoggedRun run, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            string scheme = run switch
            {
                { Loader.Sampler: DistributedSampler } => "ddp",
                { Loader.BatchSampler: ClassBalancedBatchSampler } => "pk",
                _ => "plain",
            };
            Console.WriteLine($"epoch {epoch} ({scheme})");
            run.Loader.SetEpoch(epoch);
            foreach (var batch in run.Loader)
            {
                using var scope = NewDisposeScope();
                _ = batch["x"].sum();
            }
        }
    }
}
