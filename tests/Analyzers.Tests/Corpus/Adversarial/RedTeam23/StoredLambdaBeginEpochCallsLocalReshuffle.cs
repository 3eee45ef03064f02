// Scenario: a top-level script keeps its per-epoch bookkeeping in a stored lambda `beginEpoch = (loader, epoch) => { log; Reshuffle(loader, epoch); }`, and the local function `Reshuffle` sets the loader it is given (`loader.SetEpoch(epoch)`); the epoch loop calls `beginEpoch(train, epoch)` before running through `train`. The rules overview counts "a call to a method, constructor or local function in view, or to a lambda stored in a local …, that does one of these … to the parameter that receives L", and "one of these" includes such a call itself ("a local function that sets the epoch of a loader it receives as a parameter … sets train's"). The lambda hands its parameter to `Reshuffle`, which sets it: `train` is told the epoch on every pass. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

void Reshuffle(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);

Action<EpochDataLoader, int> beginEpoch = (loader, epoch) =>
{
    Console.WriteLine($"epoch {epoch}: {loader.Count} batches");
    Reshuffle(loader, epoch);
};

for (int epoch = 0; epoch < 12; epoch++)
{
    beginEpoch(train, epoch);
    double total = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"  mean loss {total / train.Count:F4}");
}
