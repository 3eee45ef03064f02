// Scenario: a Composer Trainer is built with a callback (registered in its options) that refreshes pseudo-labels from an unlabeled loader handed to it; its EpochStart sets only _unlabeled.Sampler's epoch, and Program builds that loader from a BatchSampler over a DistributedSampler — wrong, CMP001 on the setter in EpochStart
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.TrainerCallbackAuxSamplerOnly;

public sealed class PseudoLabelRefresh : Callback
{
    private readonly EpochDataLoader _unlabeled;
    private readonly double _threshold;

    public PseudoLabelRefresh(EpochDataLoader unlabeled, double threshold)
    {
        _unlabeled = unlabeled;
        _threshold = threshold;
    }

    public override void EpochStart(State state, Logger logger)
    {
        // Mirrors the PyTorch callback: `trainer.unlabeled_loader.sampler.set_epoch(state.epoch)`.
        if (_unlabeled.Sampler is IEpochAware sampler) sampler.SetEpoch(state.Timestamp.Epoch); //! CMP001
    }

    public override void EpochEnd(State state, Logger logger)
    {
        using var noGrad = torch.no_grad();
        long confident = 0, seen = 0;
        foreach (var batch in _unlabeled)
        {
            var probabilities = nn.functional.softmax(state.Model.Forward(batch), 1);
            confident += (probabilities.max(1).values >= _threshold).sum().item<long>();
            seen += probabilities.shape[0];
        }
        logger.LogMetrics(new Dictionary<string, double> { ["pseudo/confident_fraction"] = seen == 0 ? 0 : (double)confident / seen });
    }
}

public static class Program
{
    public static void Main()
    {
        var labeled = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(1200, 784),
            ["label"] = torch.randint(0, 10, 1200, dtype: ScalarType.Int64),
        });
        var unlabeledSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = torch.randn(9000, 784) });

        using var train = new EpochDataLoader(labeled, batchSize: 64, shuffle: true, seed: 42);
        using var unlabeled = new EpochDataLoader(unlabeledSet,
            batchSampler: new BatchSampler(new DistributedSampler(unlabeledSet.Count, seed: 9), 256));
        using var model = new ComposerClassifier(nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)));
        using var optimizer = optim.Adam(model.parameters(), 1e-3);

        using var trainer = new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = train,
            MaxDuration = "6ep",
            Seed = 42,
            Callbacks = [new PseudoLabelRefresh(unlabeled, threshold: 0.9)],
        });
        trainer.Fit();
    }
}
