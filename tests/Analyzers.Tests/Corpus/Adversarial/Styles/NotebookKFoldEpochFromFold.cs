// Scenario: a k-fold cross-validation notebook rebuilds a RandomSampler loader per fold and, meaning fold * epochs + epoch, writes sampler.SetEpoch(fold * epochs) in the epoch loop, which is the same on every epoch of a fold (wrong: CMP004); the per-fold evaluation is right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// %% [1] data
var n = 2500;
var x = randn(n, 15);
var y = (x[.., 0] + x[.., 1] > 0).to(int64);
int k = 5, epochs = 6;
var foldOf = Enumerable.Range(0, n).Select(i => i % k).ToArray();

InMemoryDataset Subset(Func<int, bool> keep)
{
    var rows = tensor(Enumerable.Range(0, n).Where(keep).Select(i => (long)i).ToArray());
    return new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, rows), ["y"] = y.index_select(0, rows) });
}

double Evaluate(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
{
    model.eval();
    using var _ = no_grad();
    long correct = 0, total = 0;
    foreach (var b in loader)
    {
        correct += model.forward(b["x"]).argmax(1).eq(b["y"]).sum().item<long>();
        total += b["y"].shape[0];
    }
    return (double)correct / total;
}

// %% [2] cross-validation
var scores = new List<double>();
for (int fold = 0; fold < k; fold++)
{
    var trainSet = Subset(i => foldOf[i] != fold);
    var valSet = Subset(i => foldOf[i] == fold);
    var sampler = new RandomSampler(trainSet.Count, seed: 1234);
    var train = new EpochDataLoader(trainSet, batchSize: 64, sampler: sampler);
    var val = new EpochDataLoader(valSet, batchSize: 256);

    var model = nn.Sequential(nn.Linear(15, 32), nn.ReLU(), nn.Linear(32, 2));
    var opt = optim.Adam(model.parameters(), lr: 2e-3);
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        sampler.SetEpoch(fold * epochs); //! CMP004
        model.train();
        foreach (var batch in train)
        {
            opt.zero_grad();
            using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            opt.step();
        }
    }

    scores.Add(Evaluate(model, val));
    Console.WriteLine($"fold {fold}: {scores[^1]:P2}");
}

// %% [3] summary
var mean = scores.Average();
var std = Math.Sqrt(scores.Select(s => (s - mean) * (s - mean)).Average());
Console.WriteLine($"accuracy {mean:P2} ± {std:P2}");
