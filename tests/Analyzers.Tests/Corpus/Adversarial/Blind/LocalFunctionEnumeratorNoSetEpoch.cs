// Scenario: a top-level program with gradient accumulation runs each epoch in a local function that drives the loader's enumerator by hand; the RandomSampler-backed loader's epoch is never set; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int AccumSteps = 4;
int epochs = int.TryParse(Environment.GetEnvironmentVariable("EPOCHS"), out var e) ? e : 10;
var device = cuda.is_available() ? CUDA : CPU;

var tokens = randint(0, 1000, new long[] { 5000, 32 });
var targets = randint(0, 3, new long[] { 5000 });
using var ds = new InMemoryDataset(new Dictionary<string, Tensor> { ["ids"] = tokens, ["label"] = targets });
using var train = new EpochDataLoader(ds, 16, sampler: new RandomSampler(ds.Count, seed: 3), device: device, prefetch: true);

var model = nn.Sequential(
    ("emb", nn.Embedding(1000, 64)),
    ("flat", nn.Flatten()),
    ("head", nn.Linear(64 * 32, 3))).to(device);
var optimizer = optim.Adam(model.parameters(), 1e-3);
var scheduler = optim.lr_scheduler.LinearLR(optimizer, start_factor: 0.1, end_factor: 1.0, total_iters: 3);
var history = new List<(int Epoch, double Loss, int Updates)>();

for (int epoch = 0; epoch < epochs; epoch++)
{
    var (loss, updates) = RunEpoch(epoch);
    scheduler.step();
    history.Add((epoch, loss, updates));
    Console.WriteLine($"epoch {epoch}: loss {loss:F4} over {updates} optimizer steps, lr {optimizer.ParamGroups.First().LearningRate:E2}");
}

File.WriteAllLines("history.csv", history.Select(h => $"{h.Epoch},{h.Loss:F6},{h.Updates}"));

(double Loss, int Updates) RunEpoch(int epoch)
{
    model.train();
    optimizer.zero_grad();
    using var it = train.GetEnumerator(); //! CMP002
    int micro = 0, updates = 0;
    double sum = 0;
    while (it.MoveNext())
    {
        using var scope = NewDisposeScope();
        var batch = it.Current;
        var loss = nn.functional.cross_entropy(model.call(batch["ids"]), batch["label"]) / AccumSteps;
        loss.backward();
        sum += loss.item<float>() * AccumSteps;
        if (++micro % AccumSteps == 0)
        {
            nn.utils.clip_grad_norm_(model.parameters(), 1.0);
            optimizer.step();
            optimizer.zero_grad();
            updates++;
        }
    }
    if (micro % AccumSteps != 0) { optimizer.step(); updates++; }
    return (sum / Math.Max(1, micro), updates);
}

namespace HeldOut2.Blind.LocalFunctionEnumeratorNoSetEpoch
{
    static class Info { public const string Description = "gradient accumulation, 4 micro-batches per step"; }
}
