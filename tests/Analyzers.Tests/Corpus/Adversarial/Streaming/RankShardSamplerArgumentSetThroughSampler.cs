// Scenario: each rank's shard of a lazily loaded patch set comes from a DistributedSampler passed as the loader's sampler (no batch sampler), and the loop reshuffles with `if (train.Sampler is IEpochAware s) s.SetEpoch(epoch)` — right: the loader builds its own BatchSampler over that very sampler, so setting train.Sampler reaches the order.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Pathology;

/// <summary>96×96 RGB patches stored as raw bytes in per-slide files, addressed by (slide, offset) from an index.</summary>
public sealed class PatchIndex : torch.utils.data.Dataset
{
    const int Side = 96, PatchBytes = 3 * Side * Side;
    readonly (string Slide, long Offset, long Label)[] _patches;

    public PatchIndex(string indexCsv)
    {
        _patches = File.ReadLines(indexCsv).Skip(1)
            .Select(l => l.Split(','))
            .Select(p => (p[0], long.Parse(p[1]), long.Parse(p[2])))
            .ToArray();
    }

    public override long Count => _patches.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var (slide, offset, label) = _patches[index];
        var bytes = new byte[PatchBytes];
        using (var file = new FileStream(slide, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess))
        {
            file.Position = offset;
            file.ReadExactly(bytes);
        }
        var image = torch.tensor(bytes).view(Side, Side, 3).permute(2, 0, 1).to(torch.float32).div_(255);
        return new() { ["data"] = image, ["label"] = torch.tensor(label) };
    }
}

public static class PatchTraining
{
    public static void Run(string indexCsv, int epochs)
    {
        Dist.Initialize();
        using var patches = new PatchIndex(indexCsv);
        var shard = new DistributedSampler(patches.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 2);
        using var train = new EpochDataLoader(patches, batchSize: 32, sampler: shard, dropLast: true, workers: 6);

        var model = nn.Sequential(
            ("conv1", nn.Conv2d(3, 32, 5, stride: 2)), ("relu1", nn.ReLU()),
            ("conv2", nn.Conv2d(32, 64, 3, stride: 2)), ("relu2", nn.ReLU()),
            ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 2)));
        var optimizer = optim.Adam(model.parameters(), 2e-4);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (train.Sampler is IEpochAware s) s.SetEpoch(epoch);

            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }
            if (Dist.Rank == 0) model.save($"runs/patches/ep{epoch}.dat");
        }
    }
}
