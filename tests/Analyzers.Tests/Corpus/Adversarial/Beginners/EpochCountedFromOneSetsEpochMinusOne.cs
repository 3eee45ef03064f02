// Scenario: beginner counts epochs 1..N for nicer printing (`for (epoch = 1; epoch <= 20; epoch++)`) and passes `epoch - 1` to SetEpoch because the docs say epochs are zero-based: right, the argument is derived from the loop variable
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var trainSet = new FashionMnist(train: true);
var valSet = new FashionMnist(train: false);

var trainLoader = new EpochDataLoader(trainSet, batchSize: 50, shuffle: true, seed: 8);
var valLoader = new EpochDataLoader(valSet, batchSize: 500, shuffle: false);

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 64)),
    ("relu", ReLU()),
    ("fc2", Linear(64, 10)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
var loss = CrossEntropyLoss();

for (var epoch = 1; epoch <= 20; epoch++)
{
    // SetEpoch wants 0-based epochs
    trainLoader.SetEpoch(epoch - 1);

    model.train();
    var trainLoss = 0.0;
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        var l = loss.forward(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        l.backward();
        optimizer.step();
        trainLoss += l.item<float>();
    }

    model.eval();
    var valLoss = 0.0;
    using (torch.no_grad())
    {
        foreach (var batch in valLoader)
        {
            using var scope = torch.NewDisposeScope();
            valLoss += loss.forward(model.forward(batch["data"]), batch["label"]).item<float>();
        }
    }

    Console.WriteLine($"Epoch {epoch:00}/20 | train {trainLoss / trainLoader.Count:F4} | val {valLoss / valLoader.Count:F4}");
}
