// Scenario: the loop body was split into stored lambdas, reshuffle(epoch) setting both the new-task loader and the replay loader, and runEpoch(loader) iterating one; reshuffle runs at the top of every pass, so both loaders reshuffle (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

int epochs = 10;
var newTask = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(6000, 32),
    ["label"] = torch.randint(0, 5, 6000, dtype: ScalarType.Int64),
});
var replayBuffer = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(2000, 32),
    ["label"] = torch.randint(0, 5, 2000, dtype: ScalarType.Int64),
});

using var current = new EpochDataLoader(newTask, batchSize: 64, shuffle: true, seed: 100, disposeDataset: true);
using var replay = new EpochDataLoader(replayBuffer, batchSize: 64,
    sampler: new RandomSampler(replayBuffer.Count, seed: 101, replacement: true, numSamples: 1024), disposeDataset: true);

var model = nn.Sequential(("fc1", nn.Linear(32, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 5)));
using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

Action<int> reshuffle = e =>
{
    current.SetEpoch(e);
    replay.SetEpoch(e);
};

Func<EpochDataLoader, double> runEpoch = loader =>
{
    double sum = 0;
    int steps = 0;
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
        steps++;
    }
    return sum / Math.Max(1, steps);
};

for (int epoch = 0; epoch < epochs; epoch++)
{
    reshuffle(epoch);
    model.train();
    double newLoss = runEpoch(current);
    double replayLoss = runEpoch(replay);
    Console.WriteLine($"epoch {epoch}: new task {newLoss:F4}, replay {replayLoss:F4}");
}
