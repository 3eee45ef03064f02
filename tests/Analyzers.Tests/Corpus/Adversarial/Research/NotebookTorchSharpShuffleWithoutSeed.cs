// Scenario: quick notebook-style MNIST-like baseline on TorchSharp loaders: the training DataLoader shuffles without a seed (fresh order every epoch), and the test loader copied from it keeps seed: 0 but has shuffle: false — right
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

manual_seed(0); // reproducible init; data order is allowed to vary between runs

using var trainSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);

var trainLoader = new DataLoader(trainSet, 64, shuffle: true, disposeDataset: false);
var testLoader = torch.utils.data.DataLoader(testSet, 1000, shuffle: false, seed: 0, disposeDataset: false);

var net = Sequential(
    ("c1", Conv2d(1, 8, 3)), ("r1", ReLU()), ("p1", MaxPool2d(2)),
    ("c2", Conv2d(8, 16, 3)), ("r2", ReLU()), ("p2", MaxPool2d(2)),
    ("f", Flatten()), ("fc", Linear(16 * 5 * 5, 10)));
var opt = optim.Adam(net.parameters(), lr: 2e-3);
var lossFn = CrossEntropyLoss();

for (var epoch = 1; epoch <= 5; epoch++)
{
    net.train();
    var sw = System.Diagnostics.Stopwatch.StartNew();
    foreach (var batch in trainLoader)
    {
        using var d = NewDisposeScope();
        var loss = lossFn.forward(net.forward(batch["data"]), batch["label"]);
        opt.zero_grad();
        loss.backward();
        opt.step();
    }

    net.eval();
    long correct = 0;
    using (no_grad())
        foreach (var batch in testLoader)
            correct += net.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    Console.WriteLine($"epoch {epoch}  test acc {100.0 * correct / testSet.Count:F2}%  ({sw.Elapsed.TotalSeconds:F1}s)");
}
