// Scenario: a loader chosen with `?:`, the distributed arm passing `shuffle: true` together with a sampler (positional), the local arm plain shuffle (bug: CMP006 on the distributed arm only; both arms also shuffle per epoch and the epoch is set).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp006TernaryArmsOnlyOneConflicts;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1000, 4), ["label"] = randint(0, 2, 1000) });
        bool distributed = Dist.WorldSize > 1;
        using var train = distributed
            ? new EpochDataLoader(data, 32, true, new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank)) //! CMP006
            : new EpochDataLoader(data, 32, true);
        for (int epoch = 0; epoch < 5; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            foreach (var batch in train) { }
        }
    }
}
