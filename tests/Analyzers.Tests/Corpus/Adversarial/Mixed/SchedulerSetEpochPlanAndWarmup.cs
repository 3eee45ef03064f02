// Scenario: a user's cosine LR schedule with SetEpoch(int) is run over every epoch number to print the plan and set once to the start epoch before training; in the epoch loop the loaders and the schedule all get the advancing epoch — correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

int totalEpochs = args.Length > 0 ? int.Parse(args[0]) : 6;
int startEpoch = args.Length > 1 ? int.Parse(args[1]) : 0;

var data = Toy.Make(2048, features: 16, classes: 5);
var shard = new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 11);
var train = new EpochDataLoader(data, batchSize: 64, sampler: shard);
var probe = new DataLoader(data, 256, new RandomSampler(data.Count, seed: 3));

var model = nn.Sequential(("fc1", nn.Linear(16, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 5)));
var optimizer = optim.AdamW(model.parameters(), 1e-3);
var cosine = new CosineSchedule(optimizer, baseLr: 1e-3, totalEpochs: totalEpochs);

// The LR plan: a loop over epoch numbers that iterates no loader.
var plan = new List<double>();
foreach (var e in Enumerable.Range(0, totalEpochs))
{
    cosine.SetEpoch(e);
    plan.Add(cosine.Current);
}
Console.WriteLine(string.Join(", ", plan.Select(v => v.ToString("E2"))));
cosine.SetEpoch(startEpoch);

// Linear warmup over the first steps: an array of numbers, not an epoch loop either.
var warmup = new double[50];
for (int step = 0; step < warmup.Length; step++) warmup[step] = 1e-3 * (step + 1) / warmup.Length;

int epoch = startEpoch;
int globalStep = 0;
while (epoch < totalEpochs)
{
    Epochs.SetEpoch(train, epoch);
    Epochs.SetEpoch(probe, epoch);
    cosine.SetEpoch(epoch);
    foreach (var batch in train)
    {
        if (globalStep < warmup.Length)
            foreach (var g in optimizer.ParamGroups) g.LearningRate = warmup[globalStep];
        optimizer.zero_grad();
        var chunks = batch["data"].chunk(2);
        var labels = batch["label"].chunk(2);
        for (int k = 0; k < chunks.Length; k++)
        {
            using var loss = nn.functional.cross_entropy(model.forward(chunks[k]), labels[k]) / chunks.Length;
            loss.backward();
        }
        optimizer.step();
        globalStep++;
    }

    var first = probe.First();
    Console.WriteLine($"epoch {epoch}: lr {cosine.Current:E2}, probe batch of {first["label"].shape[0]}");
    epoch++;
}

/// <summary>Cosine annealing by epoch. It has SetEpoch(int), so it is epoch-aware, but it feeds no loader.</summary>
sealed class CosineSchedule
{
    private readonly optim.Optimizer _optimizer;
    private readonly double _baseLr;
    private readonly int _totalEpochs;

    public CosineSchedule(optim.Optimizer optimizer, double baseLr, int totalEpochs)
    {
        _optimizer = optimizer;
        _baseLr = baseLr;
        _totalEpochs = Math.Max(1, totalEpochs);
        Current = baseLr;
    }

    public double Current { get; private set; }

    public void SetEpoch(int epoch)
    {
        Current = 0.5 * _baseLr * (1 + Math.Cos(Math.PI * epoch / _totalEpochs));
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = Current;
    }
}

static class Toy
{
    public static InMemoryDataset Make(long n, int features, int classes)
    {
        var x = torch.randn(n, features);
        var w = torch.randn(features, classes);
        var y = x.matmul(w).argmax(1);
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });
    }

    public static double[] Normalise(double[] values)
    {
        double max = 0;
        foreach (var v in values) max = Math.Max(max, Math.Abs(v));
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = max == 0 ? 0 : values[i] / max;
        return result;
    }
}
