// Scenario: the epoch counter is a local advanced with Interlocked.Increment because a progress timer reads it from another thread; the loader's epoch is set from it every pass; right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.InterlockedEpochCounter;

public static class ProgressReportingTrainer
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int epochs, TimeSpan reportEvery)
    {
        var optimizer = optim.SGD(model.parameters(), 0.1);
        var sampler = new RandomSampler(data.Count, seed: 77);
        using var train = new EpochDataLoader(data, batchSize: 256, sampler: sampler, workers: 2);

        int epoch = 0;
        long batchesSeen = 0;
        using var timer = new Timer(
            _ => Console.WriteLine($"[progress] epoch {Volatile.Read(ref epoch)}/{epochs}, {Interlocked.Read(ref batchesSeen)} batches"),
            null, reportEvery, reportEvery);

        while (Volatile.Read(ref epoch) < epochs)
        {
            Epochs.SetEpoch(train, epoch);

            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var output = model.forward(batch["x"]);
                using var loss = nn.functional.cross_entropy(output, batch["y"]);
                loss.backward();
                optimizer.step();
                Interlocked.Increment(ref batchesSeen);
            }

            Interlocked.Increment(ref epoch);
        }

        Console.WriteLine($"done after {batchesSeen} batches");
    }
}
