// Scenario: a generic callback gets the owner as `object` and tests `owner is DistillRun { Student.Sampler: IEpochAware s }` to reshuffle the student loader. DistillRun.Student is built with a P×K batch sampler, so setting its Sampler changes nothing — CMP001 at the setter (its fix must still compile: `owner` is an object).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.NestedPatternTypedOuterObject;

public sealed class DistillRun
{
    public DistillRun(InMemoryDataset data, IReadOnlyList<long> labels)
    {
        Student = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 5));
    }

    public EpochDataLoader Student { get; }
}

public sealed class GenericReshuffleCallback
{
    public void OnEpochStart(object owner, int epoch)
    {
        if (owner is DistillRun { Student.Sampler: IEpochAware s }) s.SetEpoch(epoch); //! CMP001
    }
}
