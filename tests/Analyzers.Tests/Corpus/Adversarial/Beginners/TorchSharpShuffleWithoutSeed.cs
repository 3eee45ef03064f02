// Scenario: beginner uses TorchSharp's own `DataLoader(trainSet, 64, shuffle: true)` with no seed and never sets any epoch: right for these rules — TorchSharp draws a fresh order at each enumeration (not reproducible, but not repeated), no diagnostic
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

// TODO: seed for reproducibility? (the tutorial didn't use one)
var trainLoader = new DataLoader(trainSet, 64, shuffle: true);
var testLoader = new DataLoader(testSet, 1000, shuffle: false);

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 512)),
    ("relu1", ReLU()),
    ("fc2", Linear(512, 512)),
    ("relu2", ReLU()),
    ("fc3", Linear(512, 10)));
var lossFn = CrossEntropyLoss();
var optimizer = torch.optim.SGD(model.parameters(), 1e-3);

for (var t = 0; t < 10; t++)
{
    Console.WriteLine($"Epoch {t + 1}\n-------------------------------");

    model.train();
    var batchIdx = 0;
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        var pred = model.forward(batch["data"]);
        var loss = lossFn.forward(pred, batch["label"]);
        loss.backward();
        optimizer.step();
        optimizer.zero_grad();

        if (batchIdx % 100 == 0)
            Console.WriteLine($"loss: {loss.item<float>(),7:F6}  [{batchIdx * 64,5}/{trainSet.Count,5}]");
        batchIdx++;
    }

    model.eval();
    var testLoss = 0.0;
    var correct = 0L;
    using (torch.no_grad())
    {
        foreach (var batch in testLoader)
        {
            using var scope = torch.NewDisposeScope();
            var pred = model.forward(batch["data"]);
            testLoss += lossFn.forward(pred, batch["label"]).item<float>();
            correct += pred.argmax(1).eq(batch["label"]).sum().item<long>();
        }
    }
    Console.WriteLine($"Test Error: \n Accuracy: {100.0 * correct / testSet.Count:F1}%, Avg loss: {testLoss / testLoader.Count:F8}\n");
}
Console.WriteLine("Done!");
