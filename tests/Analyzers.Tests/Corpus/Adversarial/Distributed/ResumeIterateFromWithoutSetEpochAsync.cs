// Scenario: an async resumable DDP run skips consumed batches with loader.IterateFrom(epoch == startEpoch ? startBatch : 0) but never sets the DistributedSampler-backed loader's epoch, so each epoch (and the resumed one) replays epoch 0's order (CMP002 on IterateFrom).
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Resumable;

public sealed record Progress(int Epoch, long Batch);

public sealed class AsyncResumableTrainer(FashionMnist data, string folder)
{
    public async Task TrainAsync(int epochs, CancellationToken ct = default)
    {
        var progressFile = Path.Combine(folder, "progress.json");
        var progress = File.Exists(progressFile)
            ? JsonSerializer.Deserialize<Progress>(await File.ReadAllTextAsync(progressFile, ct))!
            : new Progress(0, 0);
        var (startEpoch, startBatch) = (progress.Epoch, progress.Batch);

        var loader = new EpochDataLoader(data, 64,
            sampler: new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 2, dropLast: true));
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 100)), ("act", nn.ReLU()), ("fc2", nn.Linear(100, 10)));
        var weights = Path.Combine(folder, "model.bin");
        if (File.Exists(weights)) model.load(weights);
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            long index = epoch == startEpoch ? startBatch : 0;
            foreach (var batch in loader.IterateFrom(epoch == startEpoch ? startBatch : 0)) //! CMP002
            {
                ct.ThrowIfCancellationRequested();
                using (NewDisposeScope())
                {
                    opt.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                    reducer.AverageGradients();
                    opt.step();
                }
                index++;
                if (Dist.Rank == 0 && index % 500 == 0)
                {
                    model.save(weights);
                    await File.WriteAllTextAsync(progressFile, JsonSerializer.Serialize(new Progress(epoch, index)), ct);
                }
            }
        }
    }
}
