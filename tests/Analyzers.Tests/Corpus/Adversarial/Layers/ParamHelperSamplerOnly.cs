// Scenario: a DDP loader built over a BatchSampler(DistributedSampler); the loop calls BeginEpoch(train, epoch) -> Reseed(loader, epoch), and Reseed sets only loader.Sampler of the loader it receives as a parameter, which misses the batch sampler — wrong, CMP001 in Reseed (the pass counts as handled, so no CMP002)
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Blind20.ParamHelperSamplerOnly;

public static class DistributedFit
{
    public static void Run(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var shard = new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 7);
        using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64, dropLast: true));
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(train, epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                Dist.AllReduce(loss);
                optimizer.step();
            }
        }
    }

    private static void BeginEpoch(EpochDataLoader loader, int epoch)
    {
        if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {loader.Count} batches per rank");
        Reseed(loader, epoch);
    }

    private static void Reseed(EpochDataLoader loader, int epoch)
    {
        if (loader.Sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001
    }
}
