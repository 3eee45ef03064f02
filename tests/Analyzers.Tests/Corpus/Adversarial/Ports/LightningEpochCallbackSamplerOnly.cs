// Scenario: a Lightning-style callback ported to reshuffle at on_train_epoch_start: it switches on the loader's Sampler and sets the epoch on a DistributedSampler or RandomSampler, but the loader it receives is the data module's P×K loader that draws from a batch sampler, so both calls miss it — wrong (CMP001 twice).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.LightningEpochCallbackSamplerOnly;

public abstract class LightningCallback
{
    public virtual void OnFitStart() { }
    public virtual void OnTrainEpochStart(int epoch) { }
    public virtual void OnTrainBatchEnd(int batchIdx, float loss) { }
    public virtual void OnTrainEpochEnd(int epoch) { }
}

public sealed class SamplerEpochCallback : LightningCallback
{
    private readonly EpochDataLoader _loader;

    public SamplerEpochCallback(EpochDataLoader loader) => _loader = loader;

    public override void OnTrainEpochStart(int epoch)
    {
        switch (_loader.Sampler)
        {
            case DistributedSampler ddp:
                ddp.SetEpoch(epoch); //! CMP001
                break;
            case RandomSampler random:
                random.SetEpoch(epoch); //! CMP001
                break;
        }
    }
}

public sealed class LossLogger(int every) : LightningCallback
{
    public override void OnTrainBatchEnd(int batchIdx, float loss)
    {
        if (batchIdx % every == 0) Console.WriteLine($"batch {batchIdx}: loss {loss:F4}");
    }
}

public sealed class ReIdDataModule(InMemoryDataset trainSet, IReadOnlyList<long> trainLabels, InMemoryDataset valSet, int p, int k, int seed)
{
    public EpochDataLoader TrainDataloader() =>
        new(trainSet, batchSampler: new ClassBalancedBatchSampler(trainLabels, p, k, seed: seed));

    public EpochDataLoader ValDataloader() => new EpochDataLoader(valSet, batchSize: 128);

    public IReadOnlyList<LightningCallback> Callbacks(EpochDataLoader train) =>
        new LightningCallback[] { new SamplerEpochCallback(train), new LossLogger(every: 50) };
}
