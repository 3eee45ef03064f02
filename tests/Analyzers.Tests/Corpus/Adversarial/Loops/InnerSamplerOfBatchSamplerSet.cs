// Scenario: the loader is built from a BatchSampler over a DistributedSampler variable, and the loop sets the epoch on that inner sampler variable (BatchSampler reads from it): correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
using var train = new FashionMnist(train: true);
var shardSampler = new DistributedSampler(train.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 2718);
var batches = new BatchSampler(shardSampler, batchSize: 64, dropLast: true);
using var loader = new EpochDataLoader(train, batchSampler: batches);

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 8; epoch++)
{
    shardSampler.SetEpoch(epoch);
    double total = 0;
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
        total += loss.item<float>();
    }
    using var mean = torch.tensor(total / loader.Count);
    Dist.AllReduce(mean);
    if (Dist.Rank == 0)
        Console.WriteLine($"epoch {epoch}: loss {mean.item<double>() / Dist.WorldSize:F4}");
}
