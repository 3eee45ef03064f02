// Scenario: an epoch-aware augmenting data set and a DistributedSampler built from `data.Count` are both told the epoch each epoch (`data.SetEpoch(epoch); ddp.SetEpoch(epoch);`); the loader is built from the `ddp` variable. Correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new MixupSet(2048);
var ddp = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 77);
var train = new EpochDataLoader(data, batchSize: 64, sampler: ddp);

for (int epoch = 0; epoch < 50; epoch++)
{
    data.SetEpoch(epoch);
    ddp.SetEpoch(epoch);
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        _ = batch["x"].var();
    }
}

sealed class MixupSet : torch.utils.data.Dataset
{
    private readonly Tensor _x;
    private double _alpha;

    public MixupSet(int n)
    {
        _x = torch.randn(n, 12);
        Count = n;
    }

    public override long Count { get; }

    public void SetEpoch(int epoch) => _alpha = Math.Min(0.4, 0.02 * epoch);

    public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["x"] = _x[index] * (1 - _alpha) };
}
