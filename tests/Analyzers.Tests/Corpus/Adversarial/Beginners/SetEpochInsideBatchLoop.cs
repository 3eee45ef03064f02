// Scenario: beginner puts `loader.SetEpoch(epoch)` as the first line inside the batch loop ("set it for every batch to be safe"): wrong, the order is fixed when the iteration starts, so each epoch runs with the previous epoch's order (CMP005)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
Console.WriteLine($"Using {device}");

var trainSet = new FashionMnist();
var loader = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 5, device: device);

var model = Sequential(
    ("c1", Conv2d(1, 8, 5)),
    ("a1", ReLU()),
    ("p1", MaxPool2d(2)),
    ("f", Flatten()),
    ("l1", Linear(8 * 12 * 12, 64)),
    ("a2", ReLU()),
    ("l2", Linear(64, 10)));
model.to(device);

var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
var lossFunc = CrossEntropyLoss();

for (int epoch = 0; epoch < 5; epoch++)
{
    var seen = 0L;
    var sumLoss = 0f;
    foreach (var batch in loader)
    {
        loader.SetEpoch(epoch); //! CMP005

        using var d = torch.NewDisposeScope();
        var x = batch["data"];
        var y = batch["label"];
        var yHat = model.forward(x);
        var loss = lossFunc.forward(yHat, y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        seen += x.shape[0];
        sumLoss += loss.item<float>() * x.shape[0];
        Console.Write($"\r{seen}/{trainSet.Count} ");
    }
    Console.WriteLine($"epoch {epoch} loss {sumLoss / seen:F4}");
}
