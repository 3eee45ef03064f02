// Scenario: a top-level domain-adaptation script trains through a local function `TrainOn(EpochDataLoader loader)` that runs through the loader it is given; each epoch walks both domains with `foreach (var loader in new[] { srcLoader, tgtLoader }) { loader.SetEpoch(epoch); TrainOn(loader); }`. The local function "iterates the argument at each call in the same way, and only there": the iteration is of `loader`, the loop's own variable, so that loop is a loop over loaders ("it picks its loader on each pass, so it is not an epoch loop; the loop around it is, and there `epoch` changes"). Both loaders get the current epoch. Correct: no finding (with `TrainOn` a static method the same code is not flagged).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var source = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var target = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 16), ["y"] = randint(0, 3, new long[] { 1000 }) });
using var srcLoader = new EpochDataLoader(source, batchSize: 64, shuffle: true, seed: 3);
using var tgtLoader = new EpochDataLoader(target, batchSize: 64, shuffle: true, seed: 4);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

void TrainOn(EpochDataLoader loader)
{
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
        optimizer.step();
    }
}

for (int epoch = 0; epoch < 10; epoch++)
{
    foreach (var loader in new[] { srcLoader, tgtLoader })
    {
        loader.SetEpoch(epoch);
        TrainOn(loader);
    }
    Console.WriteLine($"epoch {epoch} done");
}
