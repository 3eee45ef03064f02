// Scenario: beginner ports PyTorch's examples/mnist/main.py literally: top-level `Train(model, device, trainLoader, optimizer, epoch)` and `Test(model, device, testLoader)` local functions, with `loader.SetEpoch(epoch)` as Train's first line, called for epoch 1..14: right, the local function sets the loader it is given, no diagnostic
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Training settings (same defaults as main.py)
var batchSize = 64;
var testBatchSize = 1000;
var epochs = 14;
var lr = 1.0;
var gamma = 0.7;
var seed = 1;
var logInterval = 10;

torch.manual_seed(seed);
var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;

var trainLoader = new EpochDataLoader(new FashionMnist(train: true), batchSize: batchSize, shuffle: true, seed: seed, device: device);
var testLoader = new EpochDataLoader(new FashionMnist(train: false), batchSize: testBatchSize, device: device);

var model = Sequential(
    ("conv1", Conv2d(1, 32, 3, stride: 1)),
    ("relu1", ReLU()),
    ("conv2", Conv2d(32, 64, 3, stride: 1)),
    ("relu2", ReLU()),
    ("pool", MaxPool2d(2)),
    ("dropout1", Dropout(0.25)),
    ("flatten", Flatten()),
    ("fc1", Linear(9216, 128)),
    ("relu3", ReLU()),
    ("dropout2", Dropout(0.5)),
    ("fc2", Linear(128, 10)),
    ("logsoftmax", LogSoftmax(1)));
model.to(device);

var optimizer = torch.optim.Adadelta(model.parameters(), lr: lr);
var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: gamma);

for (var epoch = 1; epoch <= epochs; epoch++)
{
    Train(model, device, trainLoader, optimizer, epoch);
    Test(model, device, testLoader);
    scheduler.step();
}

model.save("mnist_cnn.bin");

void Train(Sequential model, Device device, EpochDataLoader loader, torch.optim.Optimizer optimizer, int epoch)
{
    loader.SetEpoch(epoch);
    model.train();
    var batchIdx = 0;
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        var data = batch["data"];
        var target = batch["label"];
        optimizer.zero_grad();
        var output = model.forward(data);
        var loss = functional.nll_loss(output, target);
        loss.backward();
        optimizer.step();
        if (batchIdx % logInterval == 0)
            Console.WriteLine($"Train Epoch: {epoch} [{batchIdx * data.shape[0]}/{loader.Dataset.Count} ({100.0 * batchIdx / loader.Count:F0}%)]\tLoss: {loss.item<float>():F6}");
        batchIdx++;
    }
}

void Test(Sequential model, Device device, EpochDataLoader loader)
{
    model.eval();
    var testLoss = 0.0;
    var correct = 0L;
    using (torch.no_grad())
    {
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            var output = model.forward(batch["data"]);
            testLoss += functional.nll_loss(output, batch["label"], reduction: Reduction.Sum).item<float>();
            correct += output.argmax(1).eq(batch["label"]).sum().item<long>();
        }
    }
    var n = loader.Dataset.Count;
    testLoss /= n;
    Console.WriteLine($"\nTest set: Average loss: {testLoss:F4}, Accuracy: {correct}/{n} ({100.0 * correct / n:F0}%)\n");
}
