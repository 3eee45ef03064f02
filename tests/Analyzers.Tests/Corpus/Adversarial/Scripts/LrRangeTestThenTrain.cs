// Scenario: a learning-rate range test that walks one pass of batches with no epoch loop around it (not an epoch loop), then real training that sets the epoch every epoch; correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var rows = 8192;
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(rows, 64),
    ["label"] = randint(0, 5, new long[] { rows }),
});
using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);

nn.Module<Tensor, Tensor> MakeModel() => nn.Sequential(nn.Linear(64, 128), nn.GELU(), nn.Linear(128, 5));

// --- cell 1: LR range test (Smith 2015): exponential ramp, one pass over at most 100 batches ---
var probe = MakeModel();
double minLr = 1e-7, maxLr = 1.0;
int rangeSteps = 100;
double mult = Math.Pow(maxLr / minLr, 1.0 / rangeSteps);
double lr = minLr, smoothed = 0, bestLoss = double.MaxValue, suggested = 1e-3;
var probeOpt = optim.SGD(probe.parameters(), lr);
int i = 0;
foreach (var batch in train.Take(rangeSteps))
{
    foreach (var g in probeOpt.ParamGroups) g.LearningRate = lr;
    probeOpt.zero_grad();
    using var loss = nn.functional.cross_entropy(probe.call(batch["data"]), batch["label"]);
    loss.backward();
    probeOpt.step();
    var l = loss.item<float>();
    smoothed = i == 0 ? l : 0.98 * smoothed + 0.02 * l;
    if (smoothed < bestLoss) { bestLoss = smoothed; suggested = lr / 10; }
    if (smoothed > 4 * bestLoss) break;
    lr *= mult;
    i++;
}
Console.WriteLine($"suggested lr: {suggested:g3}");

// --- cell 2: real training with the suggested LR ---
var model = MakeModel();
var opt = optim.AdamW(model.parameters(), lr: suggested);
for (int epoch = 0; epoch < 10; epoch++)
{
    train.SetEpoch(epoch);
    double total = 0;
    foreach (var batch in train)
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: {total / train.Count:F4}");
}
