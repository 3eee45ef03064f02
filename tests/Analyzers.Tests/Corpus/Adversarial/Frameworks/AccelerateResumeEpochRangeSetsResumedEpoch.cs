// Scenario: an Accelerate-style resume loops `foreach (var epoch in Enumerable.Range(resumedEpoch, ...))`, skips the trained batches with IterateFrom, but sets the loader's epoch to the resumed epoch local captured before the loop on every pass (bug).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedAccelerate.ResumeRange;

public sealed record TrainingCheckpoint(int Epoch, long StepInEpoch, string Path);

public static class ResumeFromCheckpoint
{
    public static void Train(InMemoryDataset ds, nn.Module<Tensor, Tensor> model, TrainingCheckpoint? checkpoint, int numEpochs)
    {
        using var train = new EpochDataLoader(ds, batchSize: 32, shuffle: true, seed: 1337);
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-4);
        if (checkpoint is not null)
            model.load(checkpoint.Path);

        int resumedEpoch = checkpoint?.Epoch ?? 0;
        long resumedStep = checkpoint?.StepInEpoch ?? 0;

        foreach (var epoch in Enumerable.Range(resumedEpoch, numEpochs - resumedEpoch))
        {
            train.SetEpoch(resumedEpoch); //! CMP004
            long skip = epoch == resumedEpoch ? resumedStep : 0;
            foreach (var batch in train.IterateFrom(skip))
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"finished epoch {epoch}");
        }
    }
}
