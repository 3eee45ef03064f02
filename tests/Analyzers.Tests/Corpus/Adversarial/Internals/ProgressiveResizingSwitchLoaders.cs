// Scenario: progressive resizing picks one of five per-resolution loaders with a switch expression each epoch; each loader is built in the method with `sampler: new DistributedSampler(...)` (no batch sampler), and the epoch goes to its `Sampler`. Right: no visible creation has a batch sampler (no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ProgressiveResizingSwitchLoaders;

public static class ProgressiveResizing
{
    public static void Train(nn.Module<Tensor, Tensor> model, IReadOnlyDictionary<int, InMemoryDataset> bySize, int world, int rank, int epochs)
    {
        using var r128 = new EpochDataLoader(bySize[128], batchSize: 256, sampler: new DistributedSampler(bySize[128].Count, world, rank, seed: 0));
        using var r160 = new EpochDataLoader(bySize[160], batchSize: 192, sampler: new DistributedSampler(bySize[160].Count, world, rank, seed: 0));
        using var r192 = new EpochDataLoader(bySize[192], batchSize: 128, sampler: new DistributedSampler(bySize[192].Count, world, rank, seed: 0));
        using var r224 = new EpochDataLoader(bySize[224], batchSize: 96, sampler: new DistributedSampler(bySize[224].Count, world, rank, seed: 0));
        using var r256 = new EpochDataLoader(bySize[256], batchSize: 64, sampler: new DistributedSampler(bySize[256].Count, world, rank, seed: 0));
        var optimizer = optim.SGD(model.parameters(), 0.2, momentum: 0.9, nesterov: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var loader = (epoch * 5 / epochs) switch
            {
                0 => r128,
                1 => r160,
                2 => r192,
                3 => r224,
                _ => r256,
            };
            ((DistributedSampler)loader.Sampler).SetEpoch(epoch);
            model.train();
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["image"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            if (rank == 0) Console.WriteLine($"epoch {epoch}: {loader.Count} batches");
        }
    }
}
