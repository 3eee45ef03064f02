using Composer.Data;
using Lumen.Rec.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lumen.Rec.Training;

/// <summary>Per-day counters; SetEpoch here takes the day's label, not an epoch number.</summary>
public sealed class DailyStats
{
    public string Day { get; private set; } = "";

    public void SetEpoch(string day) => Day = day;
}

public static class Retraining
{
    public static void Nightly(IReadOnlyList<ClickEvent> clicks, IReadOnlyList<ClickEvent> replayLog, int epochs, Action<IReadOnlyList<ClickEvent>> step)
    {
        var order = new RandomSampler(clicks.Count, seed: 11);
        var stream = new EventStream<ClickEvent>(clicks, order, 1024);
        var replay = new EventStream<ClickEvent>(replayLog, new SequentialSampler(replayLog.Count), 1024);
        var fromFactory = StreamControl.Shuffled(clicks, seed: 3, batchSize: 256); // built by a method: not in view
        var stats = new DailyStats();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            stats.SetEpoch("2024-06-01"); // a string parameter: not an epoch setter
            StreamControl.SetEpoch(stream, epoch);
            foreach (var batch in stream) step(batch);
            foreach (var batch in replay) step(batch); // sequential replay: same order on purpose
            foreach (var batch in fromFactory.Take(10)) step(batch);
        }
    }

    public static void TwoTowers(IReadOnlyList<ClickEvent> clicks, InMemoryDataset pairs, IReadOnlyList<long> itemClasses, int epochs, Action<Dictionary<string, Tensor>> stepPairs)
    {
        var stream = new EventStream<ClickEvent>(clicks, new RandomSampler(clicks.Count, seed: 21), 512);
        using var pairLoader = new EpochDataLoader(pairs, batchSampler: new ClassBalancedBatchSampler(itemClasses, 16, 4, seed: 21));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            stream.SetEpoch(epoch);
            pairLoader.SetEpoch(epoch);
            foreach (var (events, pairBatch) in stream.Zip(pairLoader))
            {
                stepPairs(pairBatch);
                Console.WriteLine($"{events.Count} events");
            }
        }
    }
}
