// Scenario: a top-level script trains "until the loss stops improving" in a `do … while (patience < 3)` loop: `patience` is reset to 0 on every improving epoch and incremented otherwise; the shuffling `train` is never told its epoch. CMP002 on the iteration, as the page says. (Its fix: the loop has no counter of its own, so the fix takes "the one `int`/`long` local, declared before the loop, that the pass advances with `++` or `+=`" — here `patience`, which the loop also resets, so the fixed loop passes 0 on every improving epoch.)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
double best = double.MaxValue;
int patience = 0;

// Train until the loss stops improving.
do
{
    double total = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    if (total < best) { best = total; patience = 0; }
    else patience++;
} while (patience < 3);

Console.WriteLine($"best total loss {best:F3}");
