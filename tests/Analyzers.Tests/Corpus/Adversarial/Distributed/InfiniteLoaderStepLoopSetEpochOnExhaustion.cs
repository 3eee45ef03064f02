// Scenario: step-based training over an "infinite" loader that, when the enumerator runs dry, advances the epoch, sets it on the loader and starts a fresh enumerator: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const int maxSteps = 5_000;
const int logEvery = 100;

Dist.Initialize();
var data = new FashionMnist(train: true);
var loader = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 2024, dropLast: true);

var net = nn.Sequential(
    ("conv", nn.Conv2d(1, 16, 3, padding: 1)),
    ("relu", nn.ReLU()),
    ("pool", nn.MaxPool2d(2)),
    ("flat", nn.Flatten()),
    ("head", nn.Linear(16 * 14 * 14, 10)));
var opt = optim.Adam(net.parameters(), lr: 1e-3);
var scheduler = optim.lr_scheduler.CosineAnnealingLR(opt, maxSteps);
using var reducer = new GradientAllReducer(net);
reducer.BroadcastParameters();

int epoch = 0;
loader.SetEpoch(epoch);
var it = loader.GetEnumerator();
try
{
    for (int step = 0; step < maxSteps; step++)
    {
        if (!it.MoveNext())
        {
            epoch++;
            loader.SetEpoch(epoch);
            it.Dispose();
            it = loader.GetEnumerator();
            it.MoveNext();
        }

        var batch = it.Current;
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var loss = nn.functional.cross_entropy(net.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
        scheduler.step();

        if (Dist.Rank == 0 && step % logEvery == 0)
            Console.WriteLine($"step {step} (epoch {epoch}) loss {loss.item<float>():F4}");
    }
}
finally
{
    it.Dispose();
}
