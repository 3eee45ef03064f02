// Scenario: Epochs.SetEpoch(train, epoch) was replaced by ((DistributedSampler)train.Sampler).SetEpoch(e) in the renamed loop; the loader was given a sampler (no batch sampler), so its Sampler is that DistributedSampler and its own BatchSampler wraps it: the shards reshuffle (right).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Satellite.Segmentation;

public static class CloudMaskTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset tiles, int epochs)
    {
        using var train = new EpochDataLoader(tiles, batchSize: 16,
            sampler: new DistributedSampler(tiles.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 9),
            dropLast: true, prefetch: true);
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-4);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int e = 0; e < epochs; e++)
        {
            ((DistributedSampler)train.Sampler).SetEpoch(e);
            model.train();
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.call(batch["data"]);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["mask"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {e} done");
        }
    }
}
