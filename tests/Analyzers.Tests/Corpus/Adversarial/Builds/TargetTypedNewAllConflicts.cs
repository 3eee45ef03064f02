// Scenario: a DI-style data module's constructor builds its loader with a target-typed `new(…)` that passes shuffle, a sampler and dropLast next to a batch sampler (wrong: runtime throws). CMP006 three times: with a batch sampler, "`shuffle` the constant `true`", "`sampler` written and not the constant `null`", "`dropLast` the constant `true`"; target-typed `new(…)` with two or more arguments is checked.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.TargetTypedNewAllConflicts;

public interface IDataModule
{
    EpochDataLoader Train { get; }
}

public sealed class RetrievalDataModule : IDataModule
{
    private readonly EpochDataLoader _train;

    public RetrievalDataModule(InMemoryDataset data, int seed)
    {
        var shard = new DistributedSampler(data.Count, seed: seed);
        var batches = new BatchSampler(shard, 64, dropLast: true);
        _train = new(data, shuffle: true, sampler: shard, batchSampler: batches, dropLast: true); //! CMP006 CMP006 CMP006
    }

    public EpochDataLoader Train => _train;
}
