// Scenario: a port of Composer's callback kept as it was on purpose for a parity test, its findings suppressed with #pragma (a list of two rules, then a bare restore); the rest of the file is correct. Suppressed findings are not reported: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.PragmaSuppressedLegacyCallback;

/// <summary>Bit-for-bit the upstream behaviour, to compare loss curves against MosaicML Composer.</summary>
public sealed class UpstreamReshuffle(EpochDataLoader trainLoader)
{
    public void OnEpochStart(int epoch)
    {
#pragma warning disable CMP001, CMP005 // parity with upstream: sets the sampler only
        if (trainLoader.Sampler is IEpochAware s) s.SetEpoch(epoch);
#pragma warning restore
    }

    public int CountFirstEpochLate(int epoch)
    {
        int n = 0;
#pragma warning disable CMP001, CMP005 // parity with upstream: upstream set it from the first batch
        foreach (var batch in trainLoader)
        {
            if (n++ == 0) trainLoader.SetEpoch(epoch);
        }
#pragma warning restore
        return n;
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(300, 5), ["label"] = randint(0, 2, 300) });
        var ddp = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 4);
        using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(ddp, 25));
        var upstream = new UpstreamReshuffle(loader);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            upstream.OnEpochStart(epoch);
            loader.SetEpoch(epoch);
            foreach (var batch in loader) { }
        }
    }
}
