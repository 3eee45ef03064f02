// Scenario: beginner keeps TorchSharp's DataLoader but gives it Composer's `RandomSampler(seed: 42)` as its shuffler and calls `Epochs.SetEpoch(trainLoader, epoch)` each epoch, as the CMP003 page suggests: right, reproducible and reshuffled per epoch
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var trainSet = new FashionMnist();
var trainLoader = new DataLoader(trainSet, 64, new RandomSampler(trainSet.Count, seed: 42));

var model = Sequential(
    ("flatten", Flatten()),
    ("hidden", Linear(784, 128)),
    ("relu", ReLU()),
    ("output", Linear(128, 10)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
var lossFunction = CrossEntropyLoss();

var numEpochs = 7;
for (var epoch = 0; epoch < numEpochs; epoch++)
{
    // needed so the sampler reshuffles (TorchSharp can't be told the epoch by itself)
    Epochs.SetEpoch(trainLoader, epoch);

    var stopwatch = System.Diagnostics.Stopwatch.StartNew();
    var totalLoss = 0.0;
    var count = 0;
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        var output = model.forward(batch["data"]);
        var loss = lossFunction.forward(output, batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        totalLoss += loss.item<float>();
        count++;
    }
    Console.WriteLine($"Epoch [{epoch + 1}/{numEpochs}], Loss: {totalLoss / count:F4}, took {stopwatch.Elapsed.TotalSeconds:F1}s");
}
