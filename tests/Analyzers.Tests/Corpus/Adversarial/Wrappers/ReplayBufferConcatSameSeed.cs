// Scenario: continual learning rebuilds two loaders every epoch and streams fresh.Concat(replay) through a progress wrapper; the fresh loader's seed moves with the epoch, the replay loader's seed is options.Seed every pass: a bug on replay (CMP002 on the Concat argument).
using Composer.Data;
using static TorchSharp.torch;

namespace Wrappers.ReplayBuffer;

public sealed record ContinualOptions(int Seed, int BatchSize, int Epochs);

public static class ContinualLearning
{
    public static void Run(InMemoryDataset current, InMemoryDataset replayBuffer, ContinualOptions options, int baseSeed, Action<Dictionary<string, Tensor>> step)
    {
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var fresh = new EpochDataLoader(current, batchSize: options.BatchSize, shuffle: true, seed: baseSeed + epoch);
            using var replay = new EpochDataLoader(replayBuffer, batchSize: options.BatchSize, shuffle: true, seed: options.Seed);
            foreach (var batch in WithProgress(fresh.Concat(replay), fresh.Count + replay.Count, $"task epoch {epoch}")) //! CMP002
            {
                step(batch);
            }
        }
    }

    private static IEnumerable<T> WithProgress<T>(IEnumerable<T> source, long total, string label)
    {
        long done = 0;
        foreach (var item in source)
        {
            if (++done % 100 == 0 || done == total) Console.Error.WriteLine($"{label}: {done}/{total}");
            yield return item;
        }
    }
}
