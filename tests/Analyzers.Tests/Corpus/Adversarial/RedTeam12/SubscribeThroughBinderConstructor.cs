// Scenario: a small binder class in the same file subscribes a loader's SetEpoch to the trainer's event in its constructor (`new EpochBinder(events, train)` before the loop). A constructor in view given the loader hands its setter on as a delegate — correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(900, 4) });
var train = new EpochDataLoader(data, batchSize: 30, shuffle: true, seed: 11);
var events = new BinderTrainerEvents();
using var binder = new EpochBinder(events, train);

for (int epoch = 0; epoch < 8; epoch++)
{
    events.StartEpoch(epoch);
    foreach (var batch in train)
    {
        _ = batch["x"].shape;
    }
}

sealed class BinderTrainerEvents
{
    public event Action<int>? EpochStarted;

    public void StartEpoch(int epoch) => EpochStarted?.Invoke(epoch);
}

sealed class EpochBinder : IDisposable
{
    private readonly BinderTrainerEvents _events;
    private readonly EpochDataLoader _loader;

    public EpochBinder(BinderTrainerEvents events, EpochDataLoader loader)
    {
        _events = events;
        _loader = loader;
        _events.EpochStarted += loader.SetEpoch;
    }

    public void Dispose() => _events.EpochStarted -= _loader.SetEpoch;
}
