// Scenario: resuming from a checkpoint, the loop runs `for (int epoch = start; …)` but the user wrote `train.SetEpoch(start)` — the same epoch on every pass (wrong). CMP004: "a start epoch set before the loop".
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.ResumeSetEpochStart;

public sealed record Checkpoint(int Epoch, long BatchesDone);

public static class ResumableTraining
{
    public static void Run(InMemoryDataset data, Checkpoint? resumeFrom, int totalEpochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 7);
        int start = resumeFrom is null ? 0 : resumeFrom.Epoch + 1;

        for (int epoch = start; epoch < totalEpochs; epoch++)
        {
            train.SetEpoch(start); //! CMP004
            long steps = 0;
            foreach (var batch in train)
            {
                using var x = batch["data"];
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: {steps} steps");
        }
    }
}
