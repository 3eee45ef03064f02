// Scenario: each epoch trains on loader.Take(stepsPerEpoch) from a RandomSampler-backed loader and never sets its epoch, so the same first batches come back every epoch: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
using var loader = new EpochDataLoader(train, batchSize: 32, sampler: new RandomSampler(train.Count, seed: 9));
var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
const int stepsPerEpoch = 200;

for (int epoch = 0; epoch < 40; epoch++)
{
    double total = 0;
    foreach (var batch in loader.Take(stepsPerEpoch)) //! CMP002
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: {total / stepsPerEpoch:F4}");
}

using var test = new FashionMnist(train: false);
using var testLoader = new EpochDataLoader(test, batchSize: 1000);
model.eval();
long correct = 0;
using (torch.no_grad())
{
    foreach (var batch in testLoader)
        correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
}
Console.WriteLine($"test accuracy {(double)correct / test.Count:P2}");
