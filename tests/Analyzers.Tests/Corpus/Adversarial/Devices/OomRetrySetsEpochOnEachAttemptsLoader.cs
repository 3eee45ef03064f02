// Scenario: per-rank training that, on CUDA out-of-memory, rebuilds its loader with a smaller per-rank BatchSampler over the same shard and retries the epoch; every attempt sets the current loader's epoch first — right, nothing to report.
using System.Runtime.InteropServices;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Segmentation;

public static class ResilientTraining
{
    public static void Train(InMemoryDataset tiles, int epochs, int batchSize = 32)
    {
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, Dist.LocalRank % cuda.device_count()) : CPU;
        var shard = new DistributedSampler(tiles.Count, seed: 5150);
        var train = new EpochDataLoader(tiles, batchSampler: new BatchSampler(shard, batchSize), device: device);

        var model = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding: 1), nn.ReLU(),
            nn.Conv2d(32, 32, 3, padding: 1), nn.ReLU(),
            nn.Conv2d(32, 2, 1));
        model.to(device);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            while (true)
            {
                Epochs.SetEpoch(train, epoch);
                try
                {
                    foreach (var batch in train)
                    {
                        using var scope = NewDisposeScope();
                        optimizer.zero_grad();
                        var loss = nn.functional.cross_entropy(model.call(batch["image"]), batch["mask"]);
                        loss.backward();
                        reducer.AverageGradients();
                        optimizer.step();
                    }
                    break;
                }
                catch (ExternalException ex) when (ex.Message.Contains("CUDA out of memory") && batchSize > 1)
                {
                    // Every rank runs out together (same shapes), so every rank shrinks together.
                    batchSize /= 2;
                    train.Dispose();
                    train = new EpochDataLoader(tiles, batchSampler: new BatchSampler(shard, batchSize), device: device);
                    Console.Error.WriteLine($"rank {Dist.Rank}: OOM in epoch {epoch}, batch size now {batchSize}");
                }
            }
            if (Dist.Rank == 0) model.save($"unet-{epoch:D2}.bin");
        }
        train.Dispose();
    }
}
