// Scenario: a LightningModule port's fit loop hands its shuffled loader to a protected base-class method PrepareEpoch, which calls Epochs.SetEpoch and then the overridable OnTrainEpochStart hook, before iterating (correct).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PortedLightning.BaseHelper;

public abstract class LitModuleBase : nn.Module<Tensor, Tensor>
{
    protected LitModuleBase(string name) : base(name) { }

    protected void PrepareEpoch(EpochDataLoader loader, int epoch)
    {
        Epochs.SetEpoch(loader, epoch);
        OnTrainEpochStart(epoch);
    }

    protected virtual void OnTrainEpochStart(int epoch) { }
    protected virtual void OnTrainEpochEnd(int epoch, double meanLoss) { }
}

public sealed class LitMlp : LitModuleBase
{
    private readonly EpochDataLoader _train;
    private readonly Sequential _net;

    public LitMlp(InMemoryDataset trainSet) : base(nameof(LitMlp))
    {
        _train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 7);
        _net = nn.Sequential(("fc1", nn.Linear(20, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 5)));
        RegisterComponents();
    }

    protected override void OnTrainEpochStart(int epoch) => Console.WriteLine($"epoch {epoch}: lr warm-up check");

    protected override void OnTrainEpochEnd(int epoch, double meanLoss) => Console.WriteLine($"epoch {epoch}: {meanLoss:F4}");

    public override Tensor forward(Tensor input) => _net.call(input);

    public void Fit(int maxEpochs)
    {
        var optimizer = optim.Adam(parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            PrepareEpoch(_train, epoch);
            double sum = 0;
            foreach (var batch in _train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            OnTrainEpochEnd(epoch, sum / _train.Count);
        }
    }
}
