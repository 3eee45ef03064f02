// Scenario: beginner copy-pasted the training block for validation (val loader built with shuffle: true too) and left `trainLoader.SetEpoch(epoch)` unchanged in the copy: wrong, the shuffling val loader's epoch is never set
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var full = new FashionMnist();
Console.WriteLine($"Loaded {full.Count} training images");

// split 50000 / 10000 by hand, the tutorial used random_split but I couldn't find it
var images = full.Columns["data"];
var labels = full.Columns["label"];
var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = images[..50000],
    ["label"] = labels[..50000],
});
var valSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = images[50000..],
    ["label"] = labels[50000..],
});

var trainLoader = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 1);
var valLoader = new EpochDataLoader(valSet, batchSize: 128, shuffle: true, seed: 1);

var model = Sequential(
    ("conv1", Conv2d(1, 16, 3, padding: 1)),
    ("relu1", ReLU()),
    ("pool1", MaxPool2d(2)),
    ("conv2", Conv2d(16, 32, 3, padding: 1)),
    ("relu2", ReLU()),
    ("pool2", MaxPool2d(2)),
    ("flatten", Flatten()),
    ("fc", Linear(32 * 7 * 7, 10)));
var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
var criterion = CrossEntropyLoss();

for (int epoch = 0; epoch < 10; epoch++)
{
    // ---------- TRAIN ----------
    trainLoader.SetEpoch(epoch);
    model.train();
    var trainLoss = 0.0;
    var trainBatches = 0;
    foreach (var batch in trainLoader)
    {
        using var d = torch.NewDisposeScope();
        optimizer.zero_grad();
        var output = model.forward(batch["data"]);
        var loss = criterion.forward(output, batch["label"]);
        loss.backward();
        optimizer.step();
        trainLoss += loss.item<float>();
        trainBatches++;
    }

    // ---------- VALIDATE ----------
    trainLoader.SetEpoch(epoch);
    model.eval();
    var valLoss = 0.0;
    var valBatches = 0;
    using (torch.no_grad())
    {
        foreach (var batch in valLoader) //! CMP002
        {
            using var d = torch.NewDisposeScope();
            var output = model.forward(batch["data"]);
            var loss = criterion.forward(output, batch["label"]);
            valLoss += loss.item<float>();
            valBatches++;
        }
    }

    Console.WriteLine($"epoch {epoch + 1}: train loss {trainLoss / trainBatches:F4}, val loss {valLoss / valBatches:F4}");
}
