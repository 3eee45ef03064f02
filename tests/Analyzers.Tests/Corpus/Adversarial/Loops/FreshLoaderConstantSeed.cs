// Scenario: each epoch builds a fresh shuffle:true EpochDataLoader with the constant seed 1234; every new loader starts at epoch 0, so every epoch replays one order: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 200)), ("relu", nn.ReLU()),
    ("fc2", nn.Linear(200, 10)));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05);
int epochs = 6;

for (int epoch = 0; epoch < epochs; epoch++)
{
    // "fresh loader every epoch so it reshuffles" -- but the seed never changes
    using var loader = new EpochDataLoader(train, batchSize: 100, shuffle: true, seed: 1234);
    model.train();
    float last = 0;
    foreach (var batch in loader) //! CMP002
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        last = loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: {last:F4}");
}

model.eval();
using var test = new FashionMnist(train: false);
using var testLoader = new EpochDataLoader(test, batchSize: 1000);
long correct = 0;
using (torch.no_grad())
{
    foreach (var batch in testLoader)
        correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
}
Console.WriteLine($"test accuracy {(double)correct / test.Count:P2}");
