// Scenario: all ranks set the train epoch; after `if (!isMainProcess) continue;` rank 0 sets and reads a shuffled preview loader to print a few predictions — only rank 0 iterates it, right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

string[] classNames = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot"];
var rank = Dist.Rank;
var isMainProcess = rank == 0;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
var shard = new DistributedSampler(trainSet.Count, seed: 21);
using var train = new EpochDataLoader(trainSet, batchSampler: new BatchSampler(shard, 64, dropLast: true));
using var preview = new EpochDataLoader(testSet, batchSize: 8, sampler: new RandomSampler(testSet.Count, seed: 4));

var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var opt = optim.Adam(model.parameters(), lr: 1e-3);
var ce = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < 15; epoch++)
{
    shard.SetEpoch(epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        ce.forward(model.forward(batch["data"]), batch["label"]).backward();
        reducer.AverageGradients();
        opt.step();
    }

    if (!isMainProcess) continue;

    // rank 0: eyeball a few random test images every epoch
    preview.SetEpoch(epoch);
    model.eval();
    using (no_grad())
    {
        var batch = preview.First();
        var predicted = model.forward(batch["data"]).argmax(1).data<long>().ToArray();
        var actual = batch["label"].data<long>().ToArray();
        for (int i = 0; i < predicted.Length; i++)
            Console.WriteLine($"  {classNames[actual[i]],-10} -> {classNames[predicted[i]]}");
    }
}
