// Scenario: an async program trains on a TorchSharp DataLoader that shuffles without a seed (a fresh order at every enumeration) and evaluates several non-shuffling loaders in parallel with Task.Run each epoch (one TorchSharp loader has a seed but shuffle: false) — correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int EpochCount = 4;
var trainSet = Synthetic.Make(4000, shift: 0.0f);
var inDomain = Synthetic.Make(800, shift: 0.0f);
var shifted = Synthetic.Make(800, shift: 0.7f);
var noisy = Synthetic.Make(800, shift: 0.0f, noise: 2.0f);

using var train = new DataLoader(trainSet, 64, shuffle: true, disposeDataset: false);
var evalLoaders = new Dictionary<string, IEnumerable<Dictionary<string, Tensor>>>
{
    ["in-domain"] = new EpochDataLoader(inDomain, batchSize: 200),
    ["shifted"] = new EpochDataLoader(shifted, batchSize: 200, sampler: new DistributedSampler(shifted.Count, numReplicas: 1, rank: 0, shuffle: false)),
    ["noisy"] = new DataLoader(noisy, 200, shuffle: false, seed: 7, disposeDataset: false),
};

var model = nn.Sequential(("fc1", nn.Linear(16, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 2)));
var optimizer = optim.Adam(model.parameters(), 1e-3);
var gate = new SemaphoreSlim(1);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    double sum = 0;
    int steps = 0;
    foreach (var batch in train)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
        steps++;
    }

    model.eval();
    var results = await Task.WhenAll(evalLoaders.Select(kv => Task.Run(async () =>
    {
        await gate.WaitAsync();
        try { return (Name: kv.Key, Accuracy: Evaluation.Accuracy(model, kv.Value)); }
        finally { gate.Release(); }
    })));
    model.train();

    Console.WriteLine($"epoch {epoch}: train loss {sum / Math.Max(1, steps):F4}");
    foreach (var (name, accuracy) in results.OrderBy(r => r.Name))
        Console.WriteLine($"  {name,-10} {accuracy:P1}");
    var worst = results.MinBy(r => r.Accuracy);
    if (worst.Accuracy < 0.55) Console.WriteLine($"  warning: {worst.Name} is near chance");
}

static class Synthetic
{
    public static InMemoryDataset Make(long n, float shift, float noise = 1.0f)
    {
        var x = torch.randn(n, 16) * noise + shift;
        var y = (x.narrow(1, 0, 8).sum(1) > x.narrow(1, 8, 8).sum(1)).to(ScalarType.Int64);
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });
    }
}

static class Evaluation
{
    public static double Accuracy(nn.Module<Tensor, Tensor> model, IEnumerable<Dictionary<string, Tensor>> loader)
    {
        using var _ = torch.no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in loader)
        {
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return correct / (double)Math.Max(1, seen);
    }

    public static double[] PerClassRecall(long[] predicted, long[] target, int classes)
    {
        var hits = new double[classes];
        var totals = new double[classes];
        for (int i = 0; i < target.Length; i++)
        {
            totals[target[i]]++;
            if (predicted[i] == target[i]) hits[target[i]]++;
        }
        for (int c = 0; c < classes; c++) hits[c] = totals[c] == 0 ? 0 : hits[c] / totals[c];
        return hits;
    }
}
