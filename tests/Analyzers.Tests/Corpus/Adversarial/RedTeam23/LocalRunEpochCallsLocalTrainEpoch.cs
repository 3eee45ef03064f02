// Scenario: a top-level script nests two local functions: `RunEpoch(loader, epoch)` times the epoch and calls `TrainEpoch(loader)`, whose `foreach` runs through the loader it is given; the epoch loop calls `RunEpoch(train, epoch)` and never tells the shuffling `train` its epoch (`epoch` is only logged). "A local function that iterates its parameter so … iterates the argument at each call in the same way", and a helper iterates its loader also "through such helpers calling one another, nine deep": `RunEpoch` iterates its `loader` once per call through `TrainEpoch`, so the call `RunEpoch(train, epoch)` iterates `train`. Every epoch replays epoch 0's order. CMP002 on `train` in that call.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

void TrainEpoch(EpochDataLoader loader)
{
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
        optimizer.step();
    }
}

void RunEpoch(EpochDataLoader loader, int epoch)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    TrainEpoch(loader);
    Console.WriteLine($"epoch {epoch} took {clock.Elapsed.TotalSeconds:F1} s");
}

for (int epoch = 0; epoch < 10; epoch++)
    RunEpoch(train, epoch); //! CMP002
