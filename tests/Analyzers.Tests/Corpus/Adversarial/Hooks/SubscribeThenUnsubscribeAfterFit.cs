// Scenario: a P×K loader built from a data set's Labels; its own SetEpoch is subscribed to the loop's EpochStarted event before training and unsubscribed after it (cleanup). The `+=` counts on every pass ("a setter of train handed on as a delegate anywhere in the member"); correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var set = new SubLabeledSet(600, classes: 12);
var pk = new EpochDataLoader(set,
    batchSampler: new ClassBalancedBatchSampler(set.Labels, classesPerBatch: 6, samplesPerClass: 4, seed: 2));

var loop = new SubTrainLoopEvents();
loop.EpochStarted += pk.SetEpoch;

for (int epoch = 0; epoch < 12; epoch++)
{
    loop.OnEpochStarted(epoch);
    foreach (var batch in pk)
    {
        _ = batch["label"].shape;
    }
}

loop.EpochStarted -= pk.SetEpoch;

sealed class SubTrainLoopEvents
{
    public event Action<int>? EpochStarted;

    public void OnEpochStarted(int epoch) => EpochStarted?.Invoke(epoch);
}

sealed class SubLabeledSet : torch.utils.data.Dataset
{
    private readonly Tensor _features;

    public SubLabeledSet(int n, int classes)
    {
        _features = torch.randn(n, 6);
        Labels = Enumerable.Range(0, n).Select(i => (long)(i % classes)).ToArray();
        Count = n;
    }

    public long[] Labels { get; }

    public override long Count { get; }

    public override Dictionary<string, Tensor> GetTensor(long index) => new()
    {
        ["data"] = _features[index],
        ["label"] = torch.tensor(Labels[index]),
    };
}
