// Scenario: a P×K metric-learning loader whose ClassBalancedBatchSampler is built from `data.Labels` of an epoch-aware augmenting data set; each epoch the script sets only the data set's epoch (`data.SetEpoch(epoch)`). The data set is only read from inside the sampler's creation, so the batch order is never set — CMP002 at the iteration.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new JitterFaces(1200, identities: 60);
var pk = new EpochDataLoader(data,
    batchSampler: new ClassBalancedBatchSampler(data.Labels, classesPerBatch: 16, samplesPerClass: 4, seed: 7));

for (int epoch = 0; epoch < 30; epoch++)
{
    data.SetEpoch(epoch);
    foreach (var batch in pk) //! CMP002
    {
        using var scope = torch.NewDisposeScope();
        _ = batch["emb"].norm();
    }
}

sealed class JitterFaces : torch.utils.data.Dataset, IEpochAware
{
    private readonly Tensor _faces;
    private int _epoch;

    public JitterFaces(int n, int identities)
    {
        _faces = torch.randn(n, 64);
        Labels = Enumerable.Range(0, n).Select(i => (long)(i % identities)).ToArray();
        Count = n;
    }

    public long[] Labels { get; }

    public override long Count { get; }

    public void SetEpoch(int epoch) => _epoch = epoch;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var x = _faces[index];
        return new() { ["emb"] = x + 0.01 * _epoch * torch.randn_like(x), ["label"] = torch.tensor(Labels[index]) };
    }
}
