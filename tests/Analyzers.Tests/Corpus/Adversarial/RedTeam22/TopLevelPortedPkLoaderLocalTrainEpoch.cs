// Scenario: a metric-learning script written as a top-level program, with its own ported P×K loader type (`batch_sampler` a ClassBalancedBatchSampler) and a local function `TrainEpoch(PkLoader loader)` that runs through the loader it is handed; the epoch loop calls `Epochs.SetEpoch(train, epoch)` and then `TrainEpoch(train)`. A local function that iterates the loader it is handed "iterates the argument at its call, as a method in view does" (the iteration counts as `train`'s, at the call), and the pass sets `train`. Correct: no finding (not even on the local function's own `foreach`, which is the same iteration of `train`).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var labels = Enumerable.Range(0, 2400).Select(i => (long)(i % 30)).ToArray();
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2400, 48), ["y"] = tensor(labels) });
var train = new PkLoader(data, new ClassBalancedBatchSampler(labels, classesPerBatch: 6, samplesPerClass: 4, seed: 21));
var embed = nn.Sequential(("fc1", nn.Linear(48, 96)), ("act", nn.ReLU()), ("fc2", nn.Linear(96, 24)));
var optimizer = optim.Adam(embed.parameters(), lr: 5e-4);

for (int epoch = 0; epoch < 40; epoch++)
{
    Epochs.SetEpoch(train, epoch);
    var loss = TrainEpoch(train);
    Console.WriteLine($"epoch {epoch}: {loss:F4}");
}

double TrainEpoch(PkLoader loader)
{
    double total = 0;
    int steps = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var z = nn.functional.normalize(embed.forward(batch["x"]), dim: 1);
        var same = batch["y"].unsqueeze(0).eq(batch["y"].unsqueeze(1)).to_type(ScalarType.Float32);
        var l = nn.functional.mse_loss(z.matmul(z.t()), same);
        l.backward();
        optimizer.step();
        total += l.item<float>();
        steps++;
    }
    return total / Math.Max(1, steps);
}

/// <summary>PyTorch's DataLoader(dataset, batch_sampler=…), ported.</summary>
public sealed class PkLoader(InMemoryDataset dataset, ClassBalancedBatchSampler batchSampler) : IEnumerable<Dictionary<string, Tensor>>
{
    public InMemoryDataset dataset { get; } = dataset;
    public ClassBalancedBatchSampler batch_sampler { get; } = batchSampler;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
