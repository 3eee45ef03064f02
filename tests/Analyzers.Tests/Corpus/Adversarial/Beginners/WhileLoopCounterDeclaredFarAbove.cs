// Scenario: beginner declares `int epoch = 0;` at the top with the other settings, loops `while (epoch < maxEpochs)` with early stopping, calls `Epochs.SetEpoch(trainLoader, epoch)` first thing and `epoch++` at the bottom: right, the counter advances every pass
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// ===== settings =====
int epoch = 0;
int maxEpochs = 100;
int patience = 3;
int badEpochs = 0;
double bestValLoss = double.MaxValue;
// ====================

var all = new FashionMnist();
var perm = torch.randperm(all.Count, generator: new torch.Generator(0));
var trainIdx = perm[..54000];
var valIdx = perm[54000..];

var trainData = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = all.Columns["data"].index_select(0, trainIdx),
    ["label"] = all.Columns["label"].index_select(0, trainIdx),
});
var valData = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = all.Columns["data"].index_select(0, valIdx),
    ["label"] = all.Columns["label"].index_select(0, valIdx),
});

var trainLoader = new EpochDataLoader(trainData, batchSize: 64, shuffle: true, seed: 2);
var valLoader = new EpochDataLoader(valData, batchSize: 512);

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 256)),
    ("relu", ReLU()),
    ("dropout", Dropout(0.3)),
    ("fc2", Linear(256, 10)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);

while (epoch < maxEpochs)
{
    Epochs.SetEpoch(trainLoader, epoch);

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
    var valLoss = 0.0;
    using (torch.no_grad())
    {
        foreach (var batch in valLoader)
        {
            using var scope = torch.NewDisposeScope();
            valLoss += functional.cross_entropy(model.forward(batch["data"]), batch["label"]).item<float>();
        }
    }
    valLoss /= valLoader.Count;
    Console.WriteLine($"epoch {epoch}: val loss {valLoss:F4}");

    if (valLoss < bestValLoss)
    {
        bestValLoss = valLoss;
        badEpochs = 0;
        model.save("model.bin");
    }
    else
    {
        badEpochs++;
        if (badEpochs >= patience)
        {
            Console.WriteLine("early stopping!");
            break;
        }
    }

    epoch++;
}
