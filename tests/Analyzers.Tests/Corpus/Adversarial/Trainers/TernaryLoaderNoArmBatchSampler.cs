// Scenario: a ?: chooses between a DistributedSampler loader and a shuffle: true loader, neither with a batch sampler, and the loop sets (loader.Sampler as IEpochAware)?.: correct on both arms.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Ddp.Options;

public static class SingleOrMultiProcess
{
    public static void Run(InMemoryDataset dataset, int epochs, int batchSize = 64)
    {
        bool distributed = Dist.IsInitialized && Dist.WorldSize > 1;
        using var train = distributed
            ? new EpochDataLoader(dataset, batchSize: batchSize, sampler: new DistributedSampler(dataset.Count, seed: 3))
            : new EpochDataLoader(dataset, batchSize: batchSize, shuffle: true, seed: 3);

        var model = nn.Sequential(nn.Linear(16, 64), nn.SiLU(), nn.Linear(64, 2));
        var optimizer = optim.AdamW(model.parameters(), lr: 5e-4, weight_decay: 0.01);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (train.Sampler as IEpochAware)?.SetEpoch(epoch);

            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
