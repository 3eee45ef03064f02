// Scenario: beginner ports `train_loader.sampler.set_epoch(epoch)` as `if (trainLoader.Sampler is IEpochAware s) s.SetEpoch(epoch)`, but their loader has `sampler:` + `batchSize:` and no batch sampler: right, the loader builds its own BatchSampler over that very sampler, no diagnostic
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

var trainLoader = new EpochDataLoader(trainSet, batchSize: 64, sampler: new RandomSampler(trainSet.Count, seed: 3));
var testLoader = new EpochDataLoader(testSet, batchSize: 1000);

var model = Sequential(
    ("conv1", Conv2d(1, 6, 5, padding: 2)),
    ("relu1", ReLU()),
    ("pool1", AvgPool2d(2)),
    ("conv2", Conv2d(6, 16, 5)),
    ("relu2", ReLU()),
    ("pool2", AvgPool2d(2)),
    ("flatten", Flatten()),
    ("fc1", Linear(16 * 5 * 5, 120)),
    ("relu3", ReLU()),
    ("fc2", Linear(120, 84)),
    ("relu4", ReLU()),
    ("fc3", Linear(84, 10)));
var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);

for (var epoch = 0; epoch < 10; epoch++)
{
    // python: train_loader.sampler.set_epoch(epoch)
    if (trainLoader.Sampler is IEpochAware s) s.SetEpoch(epoch);

    model.train();
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    model.eval();
    var correct = 0L;
    using (torch.no_grad())
    {
        foreach (var batch in testLoader)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }
    Console.WriteLine($"LeNet epoch {epoch}: {100.0 * correct / testSet.Count:F2}% test accuracy");
}
