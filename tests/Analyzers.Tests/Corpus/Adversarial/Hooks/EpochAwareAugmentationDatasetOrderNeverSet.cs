// Scenario: an epoch-aware augmenting data set (its own SetEpoch) is subscribed to an EpochStarted event, but the RandomSampler built from data.Count that orders the loader never gets the epoch — README limit: "with new RandomSampler(data.Count), a setter on an epoch-aware data set (data.SetEpoch(epoch)) does not set the loader's order (CMP002)"; CMP002 at the iteration.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new AugNoiseDataset(1024);
var loader = new EpochDataLoader(data, batchSize: 64, sampler: new RandomSampler(data.Count, seed: 9));
var events = new AugTrainEvents();
events.EpochStarted += data.SetEpoch;

for (int epoch = 0; epoch < 20; epoch++)
{
    events.RaiseEpochStarted(epoch);
    foreach (var batch in loader) //! CMP002
    {
        using var mean = batch["x"].mean();
        Console.WriteLine(mean.item<float>());
    }
}

sealed class AugTrainEvents
{
    public event Action<int>? EpochStarted;

    public void RaiseEpochStarted(int epoch) => EpochStarted?.Invoke(epoch);
}

sealed class AugNoiseDataset : torch.utils.data.Dataset, IEpochAware
{
    private readonly Tensor _x;
    private int _epoch;

    public AugNoiseDataset(int n)
    {
        _x = torch.randn(n, 8);
        Count = n;
    }

    public override long Count { get; }

    public void SetEpoch(int epoch) => _epoch = epoch;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        double strength = Math.Min(0.5, 0.05 * _epoch);
        var x = _x[index];
        return new Dictionary<string, Tensor> { ["x"] = x + strength * torch.randn_like(x) };
    }
}
