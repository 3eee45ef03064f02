// Scenario: a Lightning-style MiniTrainer takes its loader from DataModule.TrainDataLoader() and sets the epoch on the loader's Sampler only, while the data module builds a class-balanced batch-sampler loader, so every epoch replays one order (bug).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedLightning.Fit;

public abstract class LightningModule : nn.Module<Tensor, Tensor>
{
    protected LightningModule(string name) : base(name) { }

    public virtual void OnTrainEpochStart(int epoch) { }
    public virtual void OnTrainEpochEnd(int epoch) { }
    public abstract Tensor TrainingStep(Dictionary<string, Tensor> batch, int batchIdx);
    public abstract optim.Optimizer ConfigureOptimizers();
}

public abstract class LightningDataModule
{
    public virtual void Setup(string stage) { }
    public abstract EpochDataLoader TrainDataLoader();
}

public sealed class FashionPkDataModule(string folder) : LightningDataModule
{
    private FashionMnist? _train;

    public override void Setup(string stage) => _train ??= new FashionMnist(folder, train: true);

    public override EpochDataLoader TrainDataLoader()
    {
        var labels = _train!.Columns["label"].data<long>().ToArray();
        return new EpochDataLoader(_train, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 8, seed: 1234));
    }
}

public sealed class MiniTrainer(int maxEpochs)
{
    public void Fit(LightningModule module, LightningDataModule dm)
    {
        dm.Setup("fit");
        var optimizer = module.ConfigureOptimizers();
        var trainLoader = dm.TrainDataLoader();
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            module.train();
            if (trainLoader.Sampler is IEpochAware sampler)
                sampler.SetEpoch(epoch); //! CMP001
            module.OnTrainEpochStart(epoch);
            int batchIdx = 0;
            foreach (var batch in trainLoader)
            {
                optimizer.zero_grad();
                using var loss = module.TrainingStep(batch, batchIdx++);
                loss.backward();
                optimizer.step();
            }
            module.OnTrainEpochEnd(epoch);
        }
    }
}
