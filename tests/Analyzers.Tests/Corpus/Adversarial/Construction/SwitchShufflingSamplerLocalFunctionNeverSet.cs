// Scenario: A script picks RandomSampler or DistributedSampler with a switch expression (every arm shuffles per epoch), and the epoch loop calls a local function that iterates the loader, but no one sets the epoch (bug: CMP002 on the iteration inside the local function).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

string strategy = Environment.GetEnvironmentVariable("SAMPLER") ?? "random";
int seed = 2718;
var trainSet = new FashionMnist(train: true);
long n = trainSet.Count;

ISampler sampler = strategy switch
{
    "distributed" => new DistributedSampler(n, seed: seed),
    "bootstrap" => new RandomSampler(n, seed: seed, replacement: true),
    _ => new RandomSampler(n, seed: seed),
};
using var loader = new EpochDataLoader(trainSet, batchSize: 256, sampler: sampler, prefetch: true);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 512)),
    ("act1", nn.ReLU()),
    ("fc2", nn.Linear(512, 512)),
    ("act2", nn.ReLU()),
    ("fc3", nn.Linear(512, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

double TrainOneEpoch()
{
    model.train();
    double sum = 0;
    foreach (var batch in loader) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
    }
    return sum / loader.Count;
}

for (int epoch = 0; epoch < 10; epoch++)
{
    double loss = TrainOneEpoch();
    Console.WriteLine($"[{strategy}] epoch {epoch}: {loss:F4}");
}
