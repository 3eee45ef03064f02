// Scenario: a top-level script wraps its loader in a local iterator function `WithProgress(loader)` (a `foreach` over the loader that `yield return`s each batch and prints progress) and numbers the batches with `.Select((b, i) => (b, i))`; the epoch is set on the first batch, `if (i == 0) train.SetEpoch(epoch);`. The body of a `foreach` over an iterator that wraps `L` runs during the iteration, "also over LINQ on it", and a local function iterates its argument "in the same way": the setter is inside `train`'s iteration and the epoch arrives one epoch late. CMP005 on the setter; the fix moves the bare call before the `foreach` (the guard reads the iteration's own state).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

IEnumerable<Dictionary<string, Tensor>> WithProgress(EpochDataLoader loader)
{
    long seen = 0;
    foreach (var batch in loader)
    {
        if (++seen % 50 == 0) Console.WriteLine($"  {seen}/{loader.Count}");
        yield return batch;
    }
}

for (int epoch = 0; epoch < 10; epoch++)
{
    foreach (var (batch, i) in WithProgress(train).Select((b, i) => (b, i)))
    {
        if (i == 0) train.SetEpoch(epoch); //! CMP005
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
        optimizer.step();
    }
}
