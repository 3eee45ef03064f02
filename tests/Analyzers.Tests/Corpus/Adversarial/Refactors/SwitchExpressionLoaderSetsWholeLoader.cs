// Scenario: the train loader is now chosen by a switch expression on the configured SamplingMode (shuffle, sharded, or P×K batch sampler), and the renamed loop (epoch → e) sets the epoch on the whole chosen loader; every arm reshuffles (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Birds.Training;

public enum SamplingMode { Shuffle, Sharded, ClassBalanced }

public sealed class BirdTrainerOptions
{
    public SamplingMode Sampling { get; init; } = SamplingMode.Shuffle;
    public int BatchSize { get; init; } = 64;
    public int Seed { get; init; } = 19;
    public int Epochs { get; init; } = 30;
}

public static class BirdTrainer
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset calls, BirdTrainerOptions options)
    {
        long[] species = calls.Columns["label"].data<long>().ToArray();
        using var train = options.Sampling switch
        {
            SamplingMode.Sharded => new EpochDataLoader(calls, batchSize: options.BatchSize,
                sampler: new DistributedSampler(calls.Count, seed: options.Seed)),
            SamplingMode.ClassBalanced => new EpochDataLoader(calls,
                batchSampler: new ClassBalancedBatchSampler(species, classesPerBatch: 16, samplesPerClass: 4, seed: options.Seed)),
            _ => new EpochDataLoader(calls, batchSize: options.BatchSize, shuffle: true, seed: options.Seed),
        };
        using var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);

        for (int e = 0; e < options.Epochs; e++)
        {
            Epochs.SetEpoch(train, e);
            model.train();
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
