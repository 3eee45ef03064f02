// Scenario: beginner's Fashion-MNIST script counts epochs from 1 with `while (epoch <= maxEpochs)` and a shuffling EpochDataLoader, but never sets its epoch (a "TODO: shuffle?" left in): wrong, every epoch replays epoch 0's order
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// hyperparameters (from the tutorial)
var epoch = 1;
var maxEpochs = 15;
var learningRate = 0.001;
var batchSize = 64;

Console.WriteLine("Loading Fashion-MNIST...");
var trainData = new FashionMnist(train: true);
var testData = new FashionMnist(train: false);
Console.WriteLine($"train: {trainData.Count} images, test: {testData.Count} images");

// TODO: shuffle? the tutorial says shuffle=True so I put it here
var trainLoader = new EpochDataLoader(trainData, batchSize: batchSize, shuffle: true, seed: 42);
var testLoader = new EpochDataLoader(testData, batchSize: 1000);

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(28 * 28, 256)),
    ("relu1", ReLU()),
    ("fc2", Linear(256, 128)),
    ("relu2", ReLU()),
    ("fc3", Linear(128, 10)));

var optimizer = torch.optim.Adam(model.parameters(), lr: learningRate);
var lossFunction = CrossEntropyLoss();

while (epoch <= maxEpochs)
{
    model.train();
    var runningLoss = 0.0;
    var step = 0;
    var totalSteps = trainLoader.Count;

    foreach (var batch in trainLoader) //! CMP002
    {
        using var scope = torch.NewDisposeScope();
        var images = batch["data"];
        var labels = batch["label"];

        optimizer.zero_grad();
        var output = model.forward(images);
        var loss = lossFunction.forward(output, labels);
        loss.backward();
        optimizer.step();

        runningLoss += loss.item<float>();
        step++;

        // progress bar
        var done = (int)(30 * step / totalSteps);
        Console.Write($"\rEpoch {epoch}/{maxEpochs} [{new string('=', done)}{new string(' ', 30 - done)}] {step}/{totalSteps}");
    }
    Console.WriteLine($"  loss: {runningLoss / step:F4}");

    // check accuracy on test set
    model.eval();
    var correct = 0L;
    using (torch.no_grad())
    {
        foreach (var batch in testLoader)
        {
            var predicted = model.forward(batch["data"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
        }
    }
    Console.WriteLine($"test accuracy: {100.0 * correct / testData.Count:F2}%");

    epoch++;
}

Console.WriteLine("Done!");
model.save("fashion_mlp.bin");
