// Scenario: a generic IDataModule<TBatch> returns IDataLoader<TBatch> loaders from methods; a generic Fitter sets the whole train loader's epoch before iterating it each epoch and runs the (non-shuffling) validation loader after it (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.DataModuleInterfaceSetsWholeLoader;

public interface IDataModule<TBatch>
{
    IDataLoader<TBatch> TrainDataloader();
    IDataLoader<TBatch> ValDataloader();
}

public sealed class TabularModule(InMemoryDataset train, InMemoryDataset val, int seed) : IDataModule<Dictionary<string, Tensor>>
{
    public IDataLoader<Dictionary<string, Tensor>> TrainDataloader() =>
        new EpochDataLoader(train, batchSize: 256, shuffle: true, seed: seed);

    public IDataLoader<Dictionary<string, Tensor>> ValDataloader() =>
        new EpochDataLoader(val, batchSize: 1024);
}

public sealed class Fitter
{
    public event Action<int, double, double>? EpochCompleted;

    public void Fit<TBatch>(IDataModule<TBatch> module, Func<TBatch, double> trainStep, Func<TBatch, double> evalStep, int epochs)
    {
        var train = module.TrainDataloader();
        var val = module.ValDataloader();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            double trainLoss = 0;
            foreach (var batch in train) trainLoss += trainStep(batch);

            double valLoss = 0;
            foreach (var batch in val) valLoss += evalStep(batch);

            EpochCompleted?.Invoke(epoch, trainLoss / (train.Count ?? 1), valLoss / (val.Count ?? 1));
        }
    }
}

public static class TabularMain
{
    public static void Run(InMemoryDataset train, InMemoryDataset val)
    {
        var model = nn.Linear(12, 1);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        var fitter = new Fitter();
        fitter.EpochCompleted += (e, t, v) => Console.WriteLine($"epoch {e}: train {t:F4} val {v:F4}");
        fitter.Fit(new TabularModule(train, val, seed: 8),
            batch =>
            {
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                return loss.item<float>();
            },
            batch => nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]).item<float>(),
            epochs: 25);
    }
}
