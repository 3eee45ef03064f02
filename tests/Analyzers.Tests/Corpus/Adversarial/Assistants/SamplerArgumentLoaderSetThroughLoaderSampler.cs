// Scenario: an answer builds the loader with `sampler: new DistributedSampler(...)` and a batch size (no batch sampler), then follows the PyTorch docs with `if (trainLoader.Sampler is DistributedSampler ds) ds.SetEpoch(epoch)`; the loader makes its own BatchSampler over that very sampler, so setting `Sampler` works (right, no diagnostic).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HousePrices;

public sealed class TrainingConfig
{
    public int Epochs { get; set; } = 40;
    public int BatchSize { get; set; } = 128;
    public double LearningRate { get; set; } = 5e-3;
    public double WeightDecay { get; set; } = 1e-4;
}

public static class Regressor
{
    public static Sequential Train(InMemoryDataset data, TrainingConfig config)
    {
        // Each rank gets its own shard; the DistributedSampler shuffles with (seed + epoch)
        using var trainLoader = new EpochDataLoader(data, batchSize: config.BatchSize,
            sampler: new DistributedSampler(data.Count, shuffle: true, seed: 5), dropLast: true);

        var features = data.Columns["data"].shape[1];
        var model = nn.Sequential(nn.Linear(features, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1));
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.AdamW(model.parameters(), lr: config.LearningRate, weight_decay: config.WeightDecay);

        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            // Like train_loader.sampler.set_epoch(epoch) in PyTorch: reshuffle the shard every epoch
            if (trainLoader.Sampler is DistributedSampler ds) ds.SetEpoch(epoch);

            model.train();
            var epochLoss = 0.0;
            var steps = 0;
            foreach (var batch in trainLoader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.smooth_l1_loss(model.call(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                epochLoss += loss.item<float>();
                steps++;
            }

            if (Dist.Rank == 0 && (epoch % 5 == 0 || epoch == config.Epochs - 1))
                Console.WriteLine($"epoch {epoch,3}: huber loss {epochLoss / Math.Max(steps, 1):F5}");
        }

        return model;
    }
}
