// Scenario: moving from sampler: to a per-rank batchSampler:, the user kept batchSize: 64 and dropLast: true beside it — the runtime rejects both (CMP006 twice on the creation); the epoch handling itself is right.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Ocr;

public static class DataParallelRecognizer
{
    const int PerRankBatch = 64;

    public static void Train(InMemoryDataset glyphs, int epochs)
    {
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, Dist.LocalRank) : CPU;

        // Each rank reads its own slice of the glyphs; batches of 64 per rank.
        var shard = new DistributedSampler(glyphs.Count, seed: 99);
        var batches = new BatchSampler(shard, PerRankBatch, dropLast: true);
        using var loader = new EpochDataLoader(glyphs, batchSize: PerRankBatch, batchSampler: batches, dropLast: true, device: device); //! CMP006 CMP006

        var model = nn.Sequential(
            nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 5), nn.ReLU(), nn.AdaptiveAvgPool2d(2),
            nn.Flatten(), nn.Linear(128, 62));
        model.to(device);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr: 2e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            model.train();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["image"]), batch["char"]);
                loss.backward();
                reducer.AverageGradients();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} done ({loader.Count} steps per rank)");
        }
    }
}
