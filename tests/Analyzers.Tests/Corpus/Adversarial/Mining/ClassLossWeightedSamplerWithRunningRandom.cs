// Scenario: class re-balancing by running per-class loss with a weighted sampler of the user's that is not epoch-aware (no SetEpoch) and keeps one System.Random across enumerations, so every epoch draws anew; the loader's epoch is never set and need not be (right).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int Classes = 6, Features = 30, EpochCount = 25;
const double Smoothing = 0.8;

torch.manual_seed(19);
var sizes = new[] { 3000, 1500, 800, 400, 200, 100 };
var labels = torch.cat(sizes.Select((n, c) => torch.full(n, c, dtype: int64)).ToArray(), 0);
var x = torch.randn(Classes, Features).index_select(0, labels) + 1.2 * torch.randn(labels.shape[0], Features);
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = labels });

var balancer = new ClassLossSampler(labels.data<long>().ToArray(), Classes, numSamples: 4000, seed: 19);
using var loader = new EpochDataLoader(data, batchSize: 80, sampler: balancer);

var model = Sequential(("fc1", Linear(Features, 64)), ("relu", ReLU()), ("fc2", Linear(64, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
var classLoss = Enumerable.Repeat(1.0, Classes).ToArray();

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    var sum = new double[Classes];
    var count = new long[Classes];
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        var perSample = functional.cross_entropy(model.forward(batch["data"]), batch["label"], reduction: Reduction.None);
        var loss = perSample.mean();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        var l = perSample.detach().data<float>().ToArray();
        var y = batch["label"].data<long>().ToArray();
        for (int i = 0; i < y.Length; i++) { sum[y[i]] += l[i]; count[y[i]]++; }
    }

    // classes with a higher running loss are drawn more often next epoch
    for (int c = 0; c < Classes; c++)
        if (count[c] > 0) classLoss[c] = Smoothing * classLoss[c] + (1 - Smoothing) * sum[c] / count[c];
    balancer.ClassWeights = classLoss;
    Console.WriteLine($"epoch {epoch}: class loss [{string.Join(", ", classLoss.Select(v => v.ToString("F2")))}]");
}

/// <summary>
/// Picks a class by weight, then a sample of it uniformly, with replacement. One generator for the whole run:
/// each enumeration continues where the previous one stopped.
/// </summary>
sealed class ClassLossSampler(long[] labels, int classes, long numSamples, int seed) : ISampler
{
    private readonly Random _rng = new(seed);
    private readonly long[][] _byClass = Enumerable.Range(0, classes)
        .Select(c => labels.Select((l, i) => (l, i: (long)i)).Where(t => t.l == c).Select(t => t.i).ToArray()).ToArray();

    public double[] ClassWeights { get; set; } = Enumerable.Repeat(1.0, classes).ToArray();

    public long Count => numSamples;

    public IEnumerator<long> GetEnumerator()
    {
        var total = ClassWeights.Sum();
        for (long n = 0; n < numSamples; n++)
        {
            var r = _rng.NextDouble() * total;
            var c = 0;
            while (c < classes - 1 && (r -= ClassWeights[c]) > 0) c++;
            var members = _byClass[c];
            yield return members[_rng.Next(members.Length)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
