// Scenario: a top-level script registers epoch callbacks in a list (`(l, e) => l.SetEpoch(e)` among them) and fires them through a stored lambda, `fire = (loader, epoch) => { foreach (var callback in callbacks) callback(loader, epoch); }`, called as `fire(train, epoch)` at the top of each epoch. The stored lambda is in view; inside it the loader goes to `callback`, a delegate taken from a list ("a delegate's … argument (… a delegate's target is not in view)"), which may set it — so the lambda does to its parameter what handles `train` ("a call … to a lambda stored in a local … that does one of these to … the parameter that receives `L`"). Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
var callbacks = new List<Action<EpochDataLoader, int>>
{
    (l, e) => l.SetEpoch(e),
    (l, e) => Console.WriteLine($"epoch {e}: {l.Count} batches"),
};

Action<EpochDataLoader, int> fire = (loader, epoch) =>
{
    foreach (var callback in callbacks) callback(loader, epoch);
};

for (int epoch = 0; epoch < 10; epoch++)
{
    fire(train, epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
        optimizer.step();
    }
}
