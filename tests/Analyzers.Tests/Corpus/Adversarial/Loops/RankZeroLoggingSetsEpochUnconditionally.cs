// Scenario: data-parallel training sets the DistributedSampler's epoch on every rank and only logs and evaluates (a shuffle:false distributed eval loader) under if (Dist.Rank == 0): correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
using var train = new FashionMnist(train: true);
using var test = new FashionMnist(train: false);
var trainSampler = new DistributedSampler(train.Count, Dist.WorldSize, Dist.Rank, seed: 2024);
using var trainLoader = new EpochDataLoader(train, batchSize: 64, sampler: trainSampler);
using var evalLoader = new EpochDataLoader(test, batchSize: 500,
    sampler: new DistributedSampler(test.Count, numReplicas: 1, rank: 0, shuffle: false));

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05 * Dist.WorldSize, momentum: 0.9);

for (int epoch = 0; epoch < 10; epoch++)
{
    trainSampler.SetEpoch(epoch);
    foreach (var batch in trainLoader)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }

    if (Dist.Rank == 0)
    {
        long correct = 0;
        using (torch.no_grad())
        {
            foreach (var batch in evalLoader)
                correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        }
        Console.WriteLine($"epoch {epoch}: accuracy {(double)correct / test.Count:P2}");
        model.save($"ddp/epoch{epoch}.bin");
    }
    Dist.Barrier();
}
