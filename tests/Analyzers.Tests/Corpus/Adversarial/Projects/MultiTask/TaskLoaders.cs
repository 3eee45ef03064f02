using Composer.Data;

namespace MultiTask;

/// <summary>One task of the multi-task model: its name, its loader and its loss weight.</summary>
public sealed record TaskSpec(string Name, EpochDataLoader Loader, double Weight);

public static class TaskLoaders
{
    public static IReadOnlyList<TaskSpec> Build(InMemoryDataset classification, InMemoryDataset regression, int seed) =>
    [
        new TaskSpec("cls", new EpochDataLoader(classification, batchSize: 32, shuffle: true, seed: seed), 1.0),
        new TaskSpec("reg", new EpochDataLoader(regression, batchSize: 32, sampler: new RandomSampler(regression.Count, seed: seed + 1)), 0.5),
    ];
}
