// Scenario: a notebook script takes one batch with loader.First() as a sanity check, overfits the model on that single batch in a step loop, then trains properly with Epochs.SetEpoch(loader, epoch) and evaluates once at the end (right: nothing flagged).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// %% [1] synthetic regression data
manual_seed(0);
var features = randn(4000, 10);
var targets = features.matmul(randn(10, 1)) + 0.05 * randn(4000, 1);
var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = features[..3500], ["y"] = targets[..3500] });
var testSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = features[3500..], ["y"] = targets[3500..] });

// %% [2] loader + a look at one batch
var loader = new EpochDataLoader(trainSet, batchSize: 16, shuffle: true, seed: 42, disposeBatches: false);
var probe = loader.First();
Console.WriteLine($"x {string.Join('x', probe["x"].shape)}  y {string.Join('x', probe["y"].shape)}");

// %% [3] can the model overfit a single batch?
var model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 1));
var opt = optim.Adam(model.parameters(), lr: 1e-2);
for (int step = 0; step < 200; step++)
{
    opt.zero_grad();
    using var loss = nn.functional.mse_loss(model.forward(probe["x"]), probe["y"]);
    loss.backward();
    opt.step();
    if (step % 50 == 0) Console.WriteLine($"overfit step {step}: {loss.item<float>():E2}");
}

// %% [4] reset and train for real
model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 1));
opt = optim.Adam(model.parameters(), lr: 1e-3);
loader = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 42);
var history = new List<double>();
for (int epoch = 0; epoch < 10; epoch++)
{
    Epochs.SetEpoch(loader, epoch);
    double total = 0;
    foreach (var batch in loader)
    {
        opt.zero_grad();
        using var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        opt.step();
        total += loss.item<float>();
    }
    history.Add(total / loader.Count);
}
Console.WriteLine(string.Join(", ", history.Select(h => h.ToString("F4"))));

// %% [5] evaluate once
var testLoader = new EpochDataLoader(testSet, batchSize: 500);
using (no_grad())
{
    model.eval();
    var mse = testLoader.Select(b => nn.functional.mse_loss(model.forward(b["x"]), b["y"]).item<float>()).Average();
    Console.WriteLine($"test mse {mse:F4}");
}
