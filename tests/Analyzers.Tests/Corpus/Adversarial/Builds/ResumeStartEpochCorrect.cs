// Scenario: resume from a checkpoint — the epoch is set once to `start` before the loop, then each pass sets `current = start + epoch` and skips the batches already done (fine). CMP004 not flagged: "A call in no epoch loop" (the one before the loop) and "a local declared in the loop from it" (`current`).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.ResumeStartEpochCorrect;

public sealed record ResumeState(int Epoch, long Batch);

public static class ResumeLoop
{
    public static void Run(InMemoryDataset data, ResumeState? state, int totalEpochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 99);
        int start = state?.Epoch ?? 0;
        long skip = state?.Batch ?? 0;

        Epochs.SetEpoch(train, start);
        Console.WriteLine($"resuming at epoch {start}, {train.Count} batches per epoch");

        for (int epoch = 0; start + epoch < totalEpochs; epoch++)
        {
            int current = start + epoch;
            train.SetEpoch(current);
            foreach (var batch in train.IterateFrom(epoch == 0 ? skip : 0))
                _ = batch["data"].sum();
        }
    }
}
