// Scenario: a top-level program keeps its per-epoch setup in Action<int> callbacks stored in locals (one reshuffles the batch-sampler loader with train.SetEpoch, one logs) and invokes them at the top of each epoch (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new FashionMnist();
var shard = new DistributedSampler(data.Count, seed: 2024);
using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 128, dropLast: true), workers: 4);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("hidden", nn.Linear(784, 128)),
    ("act", nn.GELU()),
    ("out", nn.Linear(128, 10)));
var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
var started = DateTime.UtcNow;

Action<int> reshuffle = e => train.SetEpoch(e);
Action<int> logStart = e => Console.WriteLine($"[{DateTime.UtcNow - started:mm\\:ss}] epoch {e}");
Action<int, double> logEnd = (e, loss) => Console.WriteLine($"epoch {e}: loss {loss:F4}");

const int EpochCount = 3;
for (int epoch = 0; epoch < EpochCount; epoch++)
{
    reshuffle(epoch);
    logStart(epoch);
    double total = 0;
    long steps = 0;
    foreach (var batch in train)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    logEnd(epoch, total / Math.Max(1, steps));
}

model.save("fashion-mlp.bin");
