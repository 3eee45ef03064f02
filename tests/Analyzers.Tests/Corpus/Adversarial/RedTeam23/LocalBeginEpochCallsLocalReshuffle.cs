// Scenario: a top-level script splits its epoch start into two local functions: `BeginEpoch(loader, epoch)` logs and calls `Reshuffle(loader, epoch)`, which sets the loader it is given; the epoch loop calls `BeginEpoch(train, epoch)` before iterating `train`. "A local function that sets the epoch of a loader it receives as a parameter (`void Begin(EpochDataLoader l, int e) => l.SetEpoch(e);` called as `Begin(train, epoch)`) sets `train`'s", and a call to a local function in view counts when it "does one of these … to the parameter that receives L", a call to such a function being one of them (methods in view are "followed through the helpers they call in turn … up to 32 calls deep"). `train` is set on every pass. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
var clock = System.Diagnostics.Stopwatch.StartNew();

void Reshuffle(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);

void BeginEpoch(EpochDataLoader loader, int epoch)
{
    Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] epoch {epoch}: {loader.Count} batches");
    Reshuffle(loader, epoch);
}

for (int epoch = 0; epoch < 12; epoch++)
{
    BeginEpoch(train, epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
        optimizer.step();
    }
}
