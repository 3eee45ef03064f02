// Scenario: an epoch-aware augmenting data set and the RandomSampler (built from data.Count) that orders the loader are both subscribed to the EpochStarted event as method groups, in a while loop with a counter; the sampler passed to the loader's creation is set, so nothing is flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new BothJitterDataset(torch.randn(900, 5));
var sampler = new RandomSampler(data.Count, seed: 9);
var loader = new EpochDataLoader(data, batchSize: 30, sampler: sampler);

var events = new BothTrainEvents();
events.EpochStarted += data.SetEpoch;
events.EpochStarted += sampler.SetEpoch;

int epoch = 0;
int maxEpochs = 25;
while (epoch < maxEpochs)
{
    events.Raise(epoch);
    foreach (var batch in loader)
    {
        _ = batch["x"].shape;
    }
    epoch++;
}

sealed class BothTrainEvents
{
    public event Action<int>? EpochStarted;

    public void Raise(int epoch) => EpochStarted?.Invoke(epoch);
}

sealed class BothJitterDataset : torch.utils.data.Dataset
{
    private readonly Tensor _x;
    private double _jitter;

    public BothJitterDataset(Tensor x)
    {
        _x = x;
        Count = x.shape[0];
    }

    public override long Count { get; }

    public void SetEpoch(int epoch) => _jitter = 0.1 / (1 + epoch);

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var row = _x[index];
        return new Dictionary<string, Tensor> { ["x"] = row + _jitter * torch.randn_like(row) };
    }
}
