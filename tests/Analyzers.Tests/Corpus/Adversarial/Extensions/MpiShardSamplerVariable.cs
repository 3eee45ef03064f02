// Scenario: top-level MPI pre-training loop beside the Trainer that sets the epoch on the DistributedSampler variable the loader was built from - correct, no finding.
using Composer.Data;
using Composer.Distributed;
using Composer.Training;
using Lab.Blind17.MpiShards;
using static TorchSharp.torch;

Dist.Initialize();
using var data = Synthetic.Make(4096, 12);
var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 11);
using var pretrain = new EpochDataLoader(data, batchSize: 64, sampler: shard, dropLast: true);
using var model = new ComposerClassifier(nn.Linear(12, 3));
using var optimizer = optim.Adam(model.parameters(), 1e-3);

// Stage 1: a quick hand-written pre-training loop on this rank's shard.
for (int epoch = 0; epoch < 3; epoch++)
{
    shard.SetEpoch(epoch);
    foreach (var batch in pretrain)
    {
        optimizer.zero_grad();
        model.Loss(model.Forward(batch), batch).backward();
        optimizer.step();
    }
    Dist.Barrier();
}

// Stage 2: the Trainer, which sets its train loader's epoch itself.
using var finetune = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 11);
using var trainer = new Trainer(new TrainerOptions
{
    Model = model,
    Optimizer = optimizer,
    TrainLoader = finetune,
    MaxDuration = "5ep",
    Seed = 11,
});
trainer.Fit();

namespace Lab.Blind17.MpiShards
{
    internal static class Synthetic
    {
        public static InMemoryDataset Make(long n, int features) =>
            new(new Dictionary<string, Tensor> { ["data"] = randn(n, features), ["label"] = randint(0, 3, n) });
    }
}
