// Scenario: a PyTorch Lightning-style fit loop ported: the loop injects a DistributedSampler (use_distributed_sampler) and calls a port of Lightning's _set_sampler_epoch, which tests both the loader's Sampler and its BatchSampler for set_epoch, before the module's on_train_epoch_start hook — correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.LightningFitLoop;

public interface ILightningModule
{
    nn.Module<Tensor, Tensor> Net { get; }
    optim.Optimizer ConfigureOptimizers();
    Tensor TrainingStep(Dictionary<string, Tensor> batch, int batchIdx);
    void ValidationStep(Dictionary<string, Tensor> batch, int batchIdx);
    void OnTrainEpochStart(int epoch);
    void OnValidationEpochEnd(int epoch);
}

public sealed record DataModule(InMemoryDataset TrainSet, InMemoryDataset ValSet, int BatchSize);

public sealed class LightningTrainer(int maxEpochs, int checkValEveryNEpoch = 1, int seed = 0)
{
    public int CurrentEpoch { get; private set; }
    public int GlobalStep { get; private set; }

    public void Fit(ILightningModule module, DataModule datamodule)
    {
        var trainLoader = new EpochDataLoader(datamodule.TrainSet, datamodule.BatchSize,
            sampler: new DistributedSampler(datamodule.TrainSet.Count, Dist.WorldSize, Dist.Rank, seed: seed));
        var valLoader = new EpochDataLoader(datamodule.ValSet, datamodule.BatchSize,
            sampler: new DistributedSampler(datamodule.ValSet.Count, Dist.WorldSize, Dist.Rank, shuffle: false));
        var optimizer = module.ConfigureOptimizers();

        for (int epoch = CurrentEpoch; epoch < maxEpochs; epoch++)
        {
            SetSamplerEpoch(trainLoader, epoch);
            module.OnTrainEpochStart(epoch);
            module.Net.train();
            foreach (var (batch, batchIdx) in trainLoader.Select((b, i) => (b, i)))
            {
                using var scope = NewDisposeScope();
                var loss = module.TrainingStep(batch, batchIdx);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                GlobalStep++;
            }

            if ((epoch + 1) % checkValEveryNEpoch == 0)
            {
                module.Net.eval();
                using (no_grad())
                {
                    foreach (var (batch, batchIdx) in valLoader.Select((b, i) => (b, i)))
                        module.ValidationStep(batch, batchIdx);
                }
                module.OnValidationEpochEnd(epoch);
            }
            CurrentEpoch = epoch + 1;
        }
    }

    // lightning.fabric.utilities.data._set_sampler_epoch: both the sampler and the batch sampler may reshuffle.
    private static void SetSamplerEpoch(EpochDataLoader dataloader, int epoch)
    {
        if (dataloader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
        if (dataloader.BatchSampler is IEpochAware batchSampler) batchSampler.SetEpoch(epoch);
    }
}
