// Scenario: An async trainer builds loaders with target-typed new(...): a sampler without shuffle, a batch sampler with sampler: null, and an eval loader with shuffle: false, sampler: null; all accepted, and each epoch sets the sampler and batch sampler variables (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace AsyncTraining;

public sealed record TrainSettings(int Epochs, int BatchSize, int Seed, string CheckpointDir);

public static class AsyncTrainer
{
    public static async Task TrainAsync(InMemoryDataset trainSet, InMemoryDataset evalSet, TrainSettings settings, CancellationToken token)
    {
        var sampler = new RandomSampler(trainSet.Count, seed: settings.Seed);
        var hardBatches = new BatchSampler(new RandomSampler(trainSet.Count, seed: settings.Seed + 1), settings.BatchSize);
        using EpochDataLoader train = new(trainSet, settings.BatchSize, sampler: sampler);
        using EpochDataLoader hard = new(trainSet, batchSampler: hardBatches, sampler: null);
        using EpochDataLoader eval = new(evalSet, 512, shuffle: false, sampler: null);

        var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("act", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        Directory.CreateDirectory(settings.CheckpointDir);

        for (int epoch = 0; epoch < settings.Epochs && !token.IsCancellationRequested; epoch++)
        {
            sampler.SetEpoch(epoch);
            hardBatches.SetEpoch(epoch);
            foreach (var batch in train.Concat(hard.Take(20)))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }

            double loss = 0;
            using (no_grad())
            {
                foreach (var batch in eval)
                {
                    using var scope = NewDisposeScope();
                    loss += nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).item<float>();
                }
            }
            model.save(Path.Combine(settings.CheckpointDir, $"epoch-{epoch}.bin"));
            await File.AppendAllTextAsync(Path.Combine(settings.CheckpointDir, "log.txt"), $"{epoch}\t{loss / eval.Count:F4}\n", token);
        }
    }
}
