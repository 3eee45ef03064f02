// Scenario: the epoch loop calls a local function Prepare(epoch) that sets the shuffled loader's epoch before the loop iterates the loader: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
using var loader = new EpochDataLoader(train, batchSize: 256, sampler: new RandomSampler(train.Count, seed: 77));
var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 300)), ("relu", nn.ReLU()), ("fc2", nn.Linear(300, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
var scheduler = optim.lr_scheduler.ExponentialLR(optimizer, gamma: 0.9);

void Prepare(int e) => loader.SetEpoch(e);

for (int epoch = 0; epoch < 12; epoch++)
{
    Prepare(epoch);
    double total = 0;
    int steps = 0;
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    scheduler.step();
    Console.WriteLine($"epoch {epoch}: loss {total / steps:F4}");
}
