// Scenario: one shared shuffled loader across three learning-rate stages, each stage's epoch loop restarting at 0 and setting that counter: stage k replays stage 0's orders, but the setter gets its loop's own variable, which the rule pages do not flag (CMP004 "Not flagged"): no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

manual_seed(3);
using var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(3000, 16),
    ["label"] = randint(0, 3, new long[] { 3000 }, dtype: int64),
});
using var loader = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 99);

var model = nn.Sequential(("fc1", nn.Linear(16, 64)), ("act", nn.Tanh()), ("fc2", nn.Linear(64, 3)));
using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);

(double Lr, int Epochs)[] stages = [(0.1, 5), (0.01, 3), (0.001, 2)];

foreach (var (lr, epochs) in stages)
{
    foreach (var g in optimizer.ParamGroups) g.LearningRate = lr;
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        loader.SetEpoch(epoch);
        var loss = TrainOneEpoch();
        Console.WriteLine($"lr {lr}: epoch {epoch} loss {loss:F4}");
    }
}

double TrainOneEpoch()
{
    model.train();
    double total = 0;
    int steps = 0;
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    return total / steps;
}
