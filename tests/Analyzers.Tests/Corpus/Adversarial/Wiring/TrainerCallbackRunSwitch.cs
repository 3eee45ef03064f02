// Scenario: an old-style Composer callback (a Run override with one switch), registered in the Trainer's options, sets the whole epoch of the P×K memory-bank loader it was given at Event.EpochStart and reads that loader at Event.EpochEnd — correct, no finding
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.TrainerCallbackRunSwitch;

public sealed class MemoryBankRefresh(EpochDataLoader bank, int refreshEvery) : Callback
{
    private Tensor? _centroids;

    public override void Run(Event e, State state)
    {
        switch (e)
        {
            case Event.EpochStart:
                bank.SetEpoch(state.Timestamp.Epoch);
                break;
            case Event.EpochEnd when state.Timestamp.Epoch % refreshEvery == 0:
                Refresh(state);
                break;
            default:
                base.Run(e, state);
                break;
        }
    }

    private void Refresh(State state)
    {
        using var noGrad = torch.no_grad();
        var sums = new List<Tensor>();
        foreach (var batch in bank)
            sums.Add(state.Model.Forward(batch).mean(new long[] { 0 }).detach().clone());
        _centroids?.Dispose();
        _centroids = sums.Count == 0 ? null : torch.stack(sums).mean(new long[] { 0 });
    }

    public override void Close(State state, Logger logger) => _centroids?.Dispose();
}

public static class Program
{
    public static void Main()
    {
        var labels = torch.randint(0, 40, 8000, dtype: ScalarType.Int64);
        var images = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(8000, 256),
            ["label"] = labels,
        });
        IReadOnlyList<long> classOf = labels.data<long>().ToArray();

        using var train = new EpochDataLoader(images, batchSize: 128, shuffle: true, seed: 5);
        using var bank = new EpochDataLoader(images,
            batchSampler: new ClassBalancedBatchSampler(classOf, classesPerBatch: 16, samplesPerClass: 4, seed: 6));
        using var model = new ComposerClassifier(nn.Sequential(nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 40)));
        using var optimizer = optim.SGD(model.parameters(), 0.05);

        using var trainer = new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = train,
            MaxDuration = "12ep",
            Callbacks = [new MemoryBankRefresh(bank, refreshEvery: 3), new LRMonitor()],
        });
        trainer.Fit();
    }
}
