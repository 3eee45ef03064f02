// Scenario: a top-level DDP program builds a `using var` loader from a DistributedSampler variable (no batch sampler) and sets that sampler's epoch every epoch: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var trainSet = new FashionMnist(train: true);
var sampler = new DistributedSampler(trainSet.Count, seed: 2025, dropLast: true);
using var train = new EpochDataLoader(trainSet, batchSize: 128, sampler: sampler, dropLast: true);

var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

int epochs = args.Length > 0 ? int.Parse(args[0]) : 3;
for (int epoch = 0; epoch < epochs; epoch++)
{
    sampler.SetEpoch(epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }
    if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} done on {Dist.WorldSize} ranks");
}
Dist.Barrier();
