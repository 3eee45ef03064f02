// Scenario: a static builder, written through a same-file `using Loader = Composer.Data.EpochDataLoader;` alias with positional arguments, passes `true` for shuffle next to a DistributedSampler (wrong: runtime throws). CMP006 once: "a sampler is given … together with `shuffle` the constant `true`"; `dropLast: true` only conflicts with a batch sampler, so it is not a second diagnostic.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using Loader = Composer.Data.EpochDataLoader;

namespace Blind14.AliasBuilderShuffleWithSampler;

public sealed record ShardSettings(int BatchSize, int Seed);

public static class LoaderFactory
{
    public static Loader CreateTrain(InMemoryDataset data, ShardSettings settings) =>
        new Loader(data, settings.BatchSize, true, new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: settings.Seed), dropLast: true); //! CMP006

    public static Loader CreateEval(InMemoryDataset data, ShardSettings settings) =>
        new Loader(data, settings.BatchSize * 4, false, new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, shuffle: false));
}
