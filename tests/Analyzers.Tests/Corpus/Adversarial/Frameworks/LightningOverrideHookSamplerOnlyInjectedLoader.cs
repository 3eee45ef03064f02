// Scenario: a LightningModule port overrides OnTrainEpochStart to set the epoch on its injected loader's Sampler only (via `as IEpochAware` and `?.`); the loader comes from outside and may draw from a batch sampler (bug).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PortedLightning.Hooks;

public abstract class LitModule : nn.Module<Tensor, Tensor>
{
    protected LitModule(string name) : base(name) { }

    public abstract EpochDataLoader TrainLoader { get; }
    public virtual void OnTrainEpochStart(int epoch) { }
    public virtual void OnTrainBatchEnd(Tensor loss, int batchIdx) { }
}

public sealed class EmbeddingClassifier : LitModule
{
    private readonly EpochDataLoader _train;
    private readonly Sequential _net;

    public EmbeddingClassifier(EpochDataLoader train) : base(nameof(EmbeddingClassifier))
    {
        _train = train;
        _net = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("embed", nn.Linear(784, 128)),
            ("act", nn.ReLU()),
            ("head", nn.Linear(128, 10)));
        RegisterComponents();
    }

    public override EpochDataLoader TrainLoader => _train;

    public override void OnTrainEpochStart(int epoch)
    {
        (_train.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
    }

    public override void OnTrainBatchEnd(Tensor loss, int batchIdx)
    {
        if (batchIdx % 50 == 0) Console.WriteLine($"batch {batchIdx}: loss {loss.item<float>():F4}");
    }

    public override Tensor forward(Tensor input) => _net.call(input);
}

public static class LitLoop
{
    public static void Fit(LitModule module, int maxEpochs, double lr = 1e-3)
    {
        var optimizer = optim.Adam(module.parameters(), lr: lr);
        var criterion = nn.CrossEntropyLoss();
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            module.OnTrainEpochStart(epoch);
            int batchIdx = 0;
            foreach (var batch in module.TrainLoader)
            {
                optimizer.zero_grad();
                using var loss = criterion.call(module.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                module.OnTrainBatchEnd(loss, batchIdx++);
            }
        }
    }
}
