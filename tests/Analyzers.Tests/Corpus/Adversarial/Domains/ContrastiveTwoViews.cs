// Scenario: SimCLR-style self-supervised pre-training on accelerometer windows (human activity recognition): the data set returns two augmented views (jitter, scaling, time shift) drawn from the runtime's per-sample generator, the shuffling loader's epoch is set with Epochs.SetEpoch at the top of every epoch, and afterwards a labelled shuffling loader is read exactly once to extract features for a linear probe (right, no diagnostic: the single pass is no epoch loop).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 100;
const float Temperature = 0.2f;

var windows = HarWindows.Load("data/har/unlabelled.bin");      // [N, 3 axes, 128 steps]
var labelled = HarWindows.LoadLabelled("data/har/train.bin");

using var pretrain = new EpochDataLoader(new HarTwoViewDataset(windows), batchSize: 256, shuffle: true, dropLast: true, seed: 7, workers: 2);

var encoder = nn.Sequential(
    nn.Conv1d(3, 64, 8, padding: 4), nn.BatchNorm1d(64), nn.ReLU(),
    nn.Conv1d(64, 128, 5, padding: 2), nn.BatchNorm1d(128), nn.ReLU(),
    nn.AdaptiveAvgPool1d(1), nn.Flatten());
var projector = nn.Sequential(nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 64));
var optimizer = optim.Adam(encoder.parameters().Concat(projector.parameters()), lr: 1e-3);

for (int epoch = 0; epoch < MaxEpochs; epoch++)
{
    Epochs.SetEpoch(pretrain, epoch);
    double total = 0;
    int steps = 0;
    foreach (var batch in pretrain)
    {
        using var scope = torch.NewDisposeScope();
        var z1 = nn.functional.normalize(projector.call(encoder.call(batch["view1"])), dim: 1);
        var z2 = nn.functional.normalize(projector.call(encoder.call(batch["view2"])), dim: 1);
        var loss = NtXent(z1, z2, Temperature);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    if (epoch % 10 == 0) Console.WriteLine($"epoch {epoch}: NT-Xent {total / steps:F4}");
}

// Linear probe: one pass to embed the labelled windows with the frozen encoder (order irrelevant), then logistic regression.
encoder.eval();
var feats = new List<Tensor>();
var ys = new List<Tensor>();
using (var probeLoader = new EpochDataLoader(labelled, batchSize: 512, shuffle: true, seed: 7))
using (torch.no_grad())
{
    foreach (var batch in probeLoader)
    {
        feats.Add(encoder.call(batch["x"]).clone());
        ys.Add(batch["y"].clone());
    }
}
var features = torch.cat(feats);
var targets = torch.cat(ys);
var probe = nn.Linear(128, 6);
var probeOptimizer = optim.LBFGS(probe.parameters(), lr: 0.5, max_iter: 200);
probeOptimizer.step(() =>
{
    probeOptimizer.zero_grad();
    var loss = nn.functional.cross_entropy(probe.call(features), targets);
    loss.backward();
    return loss;
});
Console.WriteLine($"probe train accuracy {probe.call(features).argmax(1).eq(targets).to_type(ScalarType.Float32).mean().item<float>():P1}");

static Tensor NtXent(Tensor z1, Tensor z2, float temperature)
{
    long n = z1.shape[0];
    var z = torch.cat(new[] { z1, z2 });
    var sim = torch.mm(z, z.t()) / temperature;
    sim = sim.masked_fill(torch.eye(2 * n, dtype: ScalarType.Bool), float.NegativeInfinity);
    var targets = torch.cat(new[] { torch.arange(n, 2 * n), torch.arange(0, n) });
    return nn.functional.cross_entropy(sim, targets);
}

sealed class HarTwoViewDataset : torch.utils.data.Dataset, IRandomizedDataset<Dictionary<string, Tensor>>
{
    private readonly Tensor _windows;

    public HarTwoViewDataset(Tensor windows) => _windows = windows;

    public override long Count => _windows.shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index) => GetSample(index, new SampleRandom(0, 0, index));

    public Dictionary<string, Tensor> GetSample(long index, SampleRandom random) => new()
    {
        ["view1"] = Augment(_windows[index], random),
        ["view2"] = Augment(_windows[index], random),
    };

    private static Tensor Augment(Tensor window, SampleRandom random)
    {
        var gen = new torch.Generator((ulong)random.NextUInt64() >> 1);
        var scaled = window * (0.8 + 0.4 * random.NextDouble());
        var jittered = scaled + 0.05 * torch.randn(window.shape, generator: gen);
        return jittered.roll(random.Next(-16, 17), 1);
    }
}

static class HarWindows
{
    public static Tensor Load(string path) => torch.load(path);

    public static InMemoryDataset LoadLabelled(string path)
    {
        var x = torch.load(path + ".x");
        var y = torch.load(path + ".y");
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x, ["y"] = y });
    }
}
