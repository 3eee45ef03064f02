// Scenario: a top-level program rebuilds TorchSharp's DataLoader every epoch through a static local function whose seed parameter is baseSeed + epoch; correct: the seed changes on every pass, so every epoch gets a new, reproducible order.
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int epochs = 8;
const int baseSeed = 1234;
var device = cuda.is_available() ? CUDA : CPU;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
using var test = new DataLoader(testSet, 1000, shuffle: false, device: device);

var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 128)), ("act", ReLU()), ("fc2", Linear(128, 10)));
model.to(device);
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
var scheduler = optim.lr_scheduler.ExponentialLR(optimizer, gamma: 0.9);
var loss = CrossEntropyLoss();

for (int epoch = 0; epoch < epochs; epoch++)
{
    using var train = MakeTrainLoader(trainSet, baseSeed + epoch, device);
    model.train();
    foreach (var data in train)
    {
        using var d = NewDisposeScope();
        optimizer.zero_grad();
        var output = loss.call(model.call(data["data"]), data["label"]);
        output.backward();
        optimizer.step();
    }
    scheduler.step();

    model.eval();
    using (no_grad())
    {
        var correct = 0L;
        foreach (var data in test)
        {
            using var d = NewDisposeScope();
            correct += model.call(data["data"]).argmax(1).eq(data["label"]).sum().ToInt64();
        }
        Console.WriteLine($"epoch {epoch + 1}/{epochs}: accuracy {100.0 * correct / testSet.Count:F2}%");
    }
}

static DataLoader MakeTrainLoader(torch.utils.data.Dataset data, int seed, Device device) =>
    new DataLoader(data, 64, shuffle: true, device: device, seed: seed, disposeDataset: false);
