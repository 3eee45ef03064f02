// Scenario: a Composer-style script picks its train loader with a switch expression whose arms all use a plain sampler (DistributedSampler, RandomSampler with replacement, or shuffle: true) and sets the Sampler's epoch, which is enough because no arm has a batch sampler (correct).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

string mode = Environment.GetEnvironmentVariable("SAMPLING") ?? "shuffle";
var ds = new FashionMnist(FashionMnist.DefaultFolder, train: true);

using var train = mode switch
{
    "ddp" => new EpochDataLoader(ds, batchSize: 64, sampler: new DistributedSampler(ds.Count, Dist.WorldSize, Dist.Rank, seed: 5)),
    "bootstrap" => new EpochDataLoader(ds, batchSize: 64, sampler: new RandomSampler(ds.Count, seed: 5, replacement: true)),
    _ => new EpochDataLoader(ds, batchSize: 64, shuffle: true, seed: 5),
};

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 300)), ("relu", nn.ReLU()), ("fc2", nn.Linear(300, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 8; epoch++)
{
    (train.Sampler as IEpochAware)?.SetEpoch(epoch);
    foreach (var batch in train)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
    Console.WriteLine($"epoch {epoch} done ({mode})");
}
