// Scenario: a primary-constructor trainer initialises its loader field from a BatchSampler over a DistributedSampler and then sets the epoch on loader.Sampler only: a bug (the sequential sampler ignores it).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ddp.Batches;

public sealed class ShardedTrainer(InMemoryDataset shard, int batchSize, int epochs)
{
    readonly EpochDataLoader _train = new(shard, batchSampler: new BatchSampler(new DistributedSampler(shard.Count, seed: 11), batchSize, dropLast: true));

    readonly Sequential _model = nn.Sequential(
        ("conv", nn.Conv2d(1, 16, 3, padding: 1)),
        ("relu", nn.ReLU()),
        ("pool", nn.AdaptiveAvgPool2d(1)),
        ("flat", nn.Flatten()),
        ("head", nn.Linear(16, 10)));

    public void Run()
    {
        var optimizer = optim.SGD(_model.parameters(), learningRate: 0.02, momentum: 0.9, weight_decay: 5e-4);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: epochs);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (_train.Sampler is DistributedSampler distributed) distributed.SetEpoch(epoch); //! CMP001

            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            scheduler.step();
        }
    }
}
