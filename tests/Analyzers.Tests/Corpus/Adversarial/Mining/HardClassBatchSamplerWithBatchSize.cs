// Scenario: each epoch the user mines confusable classes from the class centres and builds a P×K batch sampler of their own from them, then passes it together with batchSize: P * K (constants) to EpochDataLoader, which rejects a batch size next to a batch sampler (wrong).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int P = 8, K = 4;
const int Classes = 64, PerClass = 20, Features = 50, Emb = 32, EpochCount = 20, Seed = 3;

torch.manual_seed(Seed);
var labels = torch.arange(Classes, dtype: int64).repeat_interleave(PerClass);
var x = torch.randn(Classes, Features).index_select(0, labels) + 0.6 * torch.randn(Classes * PerClass, Features);
var train = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = labels });
var byClass = labels.data<long>().ToArray().Select((c, i) => (c, i: (long)i)).GroupBy(t => t.c).OrderBy(g => g.Key)
    .Select(g => g.Select(t => t.i).ToArray()).ToArray();

var net = Sequential(("fc1", Linear(Features, 128)), ("relu", ReLU()), ("fc2", Linear(128, Emb)));
var optimizer = torch.optim.Adam(net.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    // class centres with the current embedding: neighbours are the confusable classes
    long[][] neighbours;
    using (torch.no_grad())
    {
        var emb = functional.normalize(net.forward(x), p: 2, dim: 1);
        var centres = functional.normalize(torch.zeros(Classes, Emb).index_add_(0, labels, emb, 1.0), p: 2, dim: 1);
        var sim = centres.matmul(centres.t()) - 3 * torch.eye(Classes);
        neighbours = Enumerable.Range(0, Classes).Select(c => sim[c].topk(P - 1).indexes.data<long>().ToArray()).ToArray();
    }

    var mined = new ConfusableClassBatchSampler(byClass, neighbours, K, seed: Seed + epoch);
    using var loader = new EpochDataLoader(train, batchSize: P * K, batchSampler: mined); //! CMP006

    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        var e = functional.normalize(net.forward(batch["data"]), p: 2, dim: 1);
        var y = batch["label"];
        var dist = torch.cdist(e, e);
        var same = y.unsqueeze(0).eq(y.unsqueeze(1));
        var hardPos = dist.masked_fill(same.logical_not(), 0.0).max(1).values;
        var hardNeg = dist.masked_fill(same, 10.0).min(1).values;
        var loss = functional.softplus(hardPos - hardNeg).mean();   // soft-margin batch-hard
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    Console.WriteLine($"epoch {epoch}: {mined.Count} mined batches");
}

/// <summary>Each batch: an anchor class and its P - 1 most confusable classes, K samples of each.</summary>
sealed class ConfusableClassBatchSampler(long[][] byClass, long[][] neighbours, int k, int seed) : IBatchSampler
{
    public long Count => byClass.Length;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(seed);
        foreach (var anchor in Enumerable.Range(0, byClass.Length).OrderBy(_ => rng.Next()))
        {
            var classes = neighbours[anchor].Prepend(anchor);
            yield return classes.SelectMany(c => byClass[c].OrderBy(_ => rng.Next()).Take(k)).ToArray();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
