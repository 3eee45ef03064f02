// Scenario: "Epochs.SetEpoch does reflection" — a teammate replaced it with a direct shard.SetEpoch(epoch) on the DistributedSampler the batch sampler wraps; the batch sampler reads its sampler's epoch, so training still reshuffles, and the unshuffled eval shard needs no epoch (right).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

int epochs = 12;
using var trainSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);

var shard = new DistributedSampler(trainSet.Count, seed: 2025);
using var train = new EpochDataLoader(trainSet, batchSampler: new BatchSampler(shard, 128, dropLast: true));
using var test = new EpochDataLoader(testSet, batchSize: 1000, sampler: new DistributedSampler(testSet.Count, shuffle: false));

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 512)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(512, 10)));
using var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

for (int epoch = 0; epoch < epochs; epoch++)
{
    shard.SetEpoch(epoch);   // was: Epochs.SetEpoch(train, epoch);

    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }

    model.eval();
    using (torch.no_grad())
    {
        var correct = torch.zeros(1, dtype: ScalarType.Int64);
        foreach (var batch in test)
        {
            using var scope = torch.NewDisposeScope();
            var hits = model.call(batch["data"]).argmax(1).eq(batch["label"]).sum();
            correct.add_(hits);
        }
        Dist.AllReduce(correct);
        if (Dist.Rank == 0)
            Console.WriteLine($"epoch {epoch}: test accuracy {correct.item<long>() / (double)testSet.Count:P2}");
        correct.Dispose();
    }
}
