// Scenario: an epoch-aware batch sampler of the user's builds each batch from anchors and their mined nearest wrong-class neighbours; the loader passes it with shuffle: false and dropLast: false written out, which do not conflict, and loader.SetEpoch(epoch) reaches it every epoch (right).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int Classes = 30, PerClass = 30, Features = 64, Emb = 24, EpochCount = 25;

torch.manual_seed(27);
var labels = torch.arange(Classes, dtype: int64).repeat_interleave(PerClass);
var x = torch.randn(Classes, Features).index_select(0, labels) + 0.8 * torch.randn(Classes * PerClass, Features);
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = labels });
var labelArray = labels.data<long>().ToArray();

var mined = new NeighbourBatchSampler(labelArray, anchorsPerBatch: 16, neighboursPerAnchor: 3, seed: 27);
// the batch sampler decides size, order and the last batch
using var loader = new EpochDataLoader(data, batchSampler: mined, shuffle: false, dropLast: false);

var net = Sequential(("fc1", Linear(Features, 128)), ("relu", ReLU()), ("fc2", Linear(128, Emb)));
var optimizer = torch.optim.Adam(net.parameters(), lr: 5e-4);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    // re-mine: each sample's 3 nearest neighbours of another class under the current embedding
    using (torch.no_grad())
    {
        var e = functional.normalize(net.forward(x), p: 2, dim: 1);
        var sim = e.matmul(e.t()).masked_fill(labels.unsqueeze(0).eq(labels.unsqueeze(1)), -2.0);
        mined.SetNeighbours(sim.topk(3, dim: 1).indexes.data<long>().ToArray());
    }
    loader.SetEpoch(epoch);

    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        var e = functional.normalize(net.forward(batch["data"]), p: 2, dim: 1);
        var y = batch["label"];
        var sim = e.matmul(e.t());
        var same = y.unsqueeze(0).eq(y.unsqueeze(1)).to(float32);
        var loss = functional.binary_cross_entropy_with_logits(sim / 0.1, same);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    Console.WriteLine($"epoch {epoch}: {loader.Count} mined batches");
}

/// <summary>Random anchors, each followed by its mined hard neighbours; reshuffled from (seed, epoch).</summary>
sealed class NeighbourBatchSampler(long[] labels, int anchorsPerBatch, int neighboursPerAnchor, int seed) : IBatchSampler, IEpochAware
{
    private long[] _neighbours = [];   // row-major: neighboursPerAnchor per sample
    private int _epoch;

    public long Count => labels.Length / anchorsPerBatch;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public void SetNeighbours(long[] neighbours) => _neighbours = neighbours;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(seed * 7919 + _epoch);
        var anchors = Enumerable.Range(0, labels.Length).OrderBy(_ => rng.Next()).ToArray();
        for (long b = 0; b < Count; b++)
        {
            var batch = new List<long>();
            foreach (var a in anchors.Skip((int)(b * anchorsPerBatch)).Take(anchorsPerBatch))
            {
                batch.Add(a);
                if (_neighbours.Length > 0)
                    batch.AddRange(_neighbours.Skip(a * neighboursPerAnchor).Take(neighboursPerAnchor));
            }
            yield return batch.Distinct().ToArray();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
