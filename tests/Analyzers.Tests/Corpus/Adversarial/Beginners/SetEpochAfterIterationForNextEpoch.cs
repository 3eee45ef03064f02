// Scenario: beginner sets epoch 0 once before the loop and then `trainLoader.SetEpoch(epoch + 1)` after each epoch's batch loop "to prepare the next epoch": right, every epoch gets its own number before it is iterated, no diagnostic
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var trainSet = new FashionMnist();
var trainLoader = new EpochDataLoader(trainSet, batchSize: 256, shuffle: true, seed: 77, workers: 2);

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 400)),
    ("relu1", ReLU()),
    ("fc2", Linear(400, 100)),
    ("relu2", ReLU()),
    ("fc3", Linear(100, 10)));
var optimizer = torch.optim.AdamW(model.parameters(), lr: 0.002);
var lossFn = CrossEntropyLoss();

var totalEpochs = 12;
var history = new List<double>();

// first epoch
trainLoader.SetEpoch(0);

for (var epoch = 0; epoch < totalEpochs; epoch++)
{
    var epochLoss = 0.0;
    var b = 0;
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        var loss = lossFn.forward(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        epochLoss += loss.item<float>();
        b++;
        if (b % 20 == 0) Console.Write("#");
    }
    Console.WriteLine();

    // get the loader ready for the next epoch
    trainLoader.SetEpoch(epoch + 1);

    history.Add(epochLoss / b);
    Console.WriteLine($"epoch {epoch}: {history[^1]:F4}");
}

File.WriteAllLines("loss_history.txt", history.Select(h => h.ToString("F6")));
