// Scenario: the epoch loop calls a TrainOneEpoch() local function that iterates the shuffled loader, and nothing sets the loader's epoch: bug (the iteration inside the local function belongs to the epoch loop).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
using var test = new FashionMnist(train: false);
using var trainLoader = new EpochDataLoader(train, batchSize: 64, shuffle: true, seed: 31);
using var testLoader = new EpochDataLoader(test, batchSize: 500);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 128)), ("bn", nn.BatchNorm1d(128)), ("relu", nn.ReLU()),
    ("fc2", nn.Linear(128, 10)));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);

for (int epoch = 0; epoch < 20; epoch++)
{
    double loss = TrainOneEpoch();
    double accuracy = Evaluate();
    Console.WriteLine($"epoch {epoch,2}: loss {loss:F4} accuracy {accuracy:P2}");
}

double TrainOneEpoch()
{
    model.train();
    double total = 0;
    int steps = 0;
    foreach (var batch in trainLoader) //! CMP002
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    return total / steps;
}

double Evaluate()
{
    model.eval();
    using var _ = torch.no_grad();
    long correct = 0;
    foreach (var batch in testLoader)
        correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    return (double)correct / test.Count;
}
