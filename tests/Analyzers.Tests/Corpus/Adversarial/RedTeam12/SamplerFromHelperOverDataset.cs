// Scenario: the loader's RandomSampler comes from a helper in the same file, `MakeSampler(data, seed)`, and each epoch the script sets the epoch-aware data set, which the helper received. "A part handed over through a method (MakeSampler(shard)) counts as one too" — correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new NoisyRows(700);
var train = new EpochDataLoader(data, batchSize: 35, sampler: MakeSampler(data, seed: 15));

for (int epoch = 0; epoch < 14; epoch++)
{
    data.SetEpoch(epoch);
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        _ = batch["x"].abs().mean();
    }
}

static RandomSampler MakeSampler(NoisyRows rows, int seed) => new RandomSampler(rows.Count, seed: seed);

sealed class NoisyRows : torch.utils.data.Dataset, IEpochAware
{
    private readonly Tensor _x;
    private int _epoch;

    public NoisyRows(int n)
    {
        _x = torch.randn(n, 7);
        Count = n;
    }

    public override long Count { get; }

    public void SetEpoch(int epoch) => _epoch = epoch;

    public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["x"] = _x[index] + 0.001 * _epoch };
}
