// Scenario: class re-balancing from the validation confusion matrix with an epoch-aware weighted sampler of the user's; the loader is created with both sampler: rebalance and shuffle: true, which EpochDataLoader rejects (wrong).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int Classes = 7, Features = 36, EpochCount = 30;

torch.manual_seed(8);
// long-tailed training set: class c has roughly 2000 / (c + 1) samples
var counts = Enumerable.Range(0, Classes).Select(c => 2000 / (c + 1)).ToArray();
var trainLabels = torch.cat(counts.Select((n, c) => torch.full(n, c, dtype: int64)).ToArray(), 0);
var prototypes = torch.randn(Classes, Features);
var trainX = prototypes.index_select(0, trainLabels) + torch.randn(trainLabels.shape[0], Features);
var valLabels = torch.arange(Classes, dtype: int64).repeat_interleave(100);
var valX = prototypes.index_select(0, valLabels) + torch.randn(valLabels.shape[0], Features);

var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = trainX, ["label"] = trainLabels });
var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = valX, ["label"] = valLabels });

var rebalance = new ClassWeightedSampler(trainLabels.data<long>().ToArray(), Classes, seed: 8);
using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, sampler: rebalance); //! CMP006
using var val = new EpochDataLoader(valSet, batchSize: 256);

var model = Sequential(("fc1", Linear(Features, 64)), ("relu", ReLU()), ("fc2", Linear(64, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    train.SetEpoch(epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    // confusion matrix on the validation set
    var confusion = torch.zeros(Classes * Classes, dtype: int64);
    model.eval();
    using (torch.no_grad())
    {
        foreach (var batch in val)
        {
            var predicted = model.forward(batch["data"]).argmax(1);
            confusion.add_(torch.bincount(batch["label"] * Classes + predicted, minlength: Classes * Classes));
        }
    }
    var matrix = confusion.view(Classes, Classes).to(float32);
    var recall = matrix.diagonal() / matrix.sum(1).clamp_min(1);

    // sample the classes the model gets wrong more often next epoch
    rebalance.SetClassWeights((1.0f - recall).clamp_min(0.05f).data<float>().ToArray());
    Console.WriteLine($"epoch {epoch}: per-class recall [{string.Join(", ", recall.data<float>().ToArray().Select(r => r.ToString("F2")))}]");
}

/// <summary>Draws samples with replacement so that class c is picked with probability proportional to its weight.</summary>
sealed class ClassWeightedSampler(long[] labels, int classes, int seed) : ISampler, IEpochAware
{
    private float[] _classWeights = Enumerable.Repeat(1f, classes).ToArray();
    private int _epoch;

    public long Count => labels.Length;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public void SetClassWeights(float[] weights) => _classWeights = weights;

    public IEnumerator<long> GetEnumerator()
    {
        var perClass = labels.GroupBy(l => l).ToDictionary(g => g.Key, g => (double)g.Count());
        var sampleWeights = torch.tensor(labels.Select(l => _classWeights[l] / perClass[l]).ToArray());
        using var drawn = torch.multinomial(sampleWeights, labels.Length, replacement: true, generator: new torch.Generator((ulong)(seed + _epoch)));
        foreach (var i in drawn.data<long>().ToArray()) yield return i;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
