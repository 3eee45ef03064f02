// Scenario: a Lightning-style data module's TrainDataloader() hook builds a P×K loader from the data set's Labels but also passes batchSize: 64 and shuffle: true next to the batch sampler — the runtime rejects both: CMP006 twice at the creation; the OnTrainEpochStart hook sets the whole loader (fine).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LitConflict;

public sealed class LitConflictLabeledSet : InMemoryDataset
{
    public LitConflictLabeledSet(Tensor features, long[] labels)
        : base(new Dictionary<string, Tensor> { ["data"] = features, ["label"] = torch.tensor(labels) }) => Labels = labels;

    public IReadOnlyList<long> Labels { get; }
}

public abstract class LitConflictDataModuleBase
{
    public abstract EpochDataLoader TrainDataloader();

    public virtual void OnTrainEpochStart(int epoch)
    {
    }
}

public sealed class LitConflictPkDataModule : LitConflictDataModuleBase
{
    private readonly LitConflictLabeledSet _data;
    private EpochDataLoader? _train;

    public LitConflictPkDataModule(LitConflictLabeledSet data) => _data = data;

    public override EpochDataLoader TrainDataloader() =>
        _train ??= new EpochDataLoader(_data, batchSize: 64, shuffle: true, //! CMP006 CMP006
            batchSampler: new ClassBalancedBatchSampler(_data.Labels, classesPerBatch: 8, samplesPerClass: 8, seed: 1));

    public override void OnTrainEpochStart(int epoch) => _train?.SetEpoch(epoch);
}
