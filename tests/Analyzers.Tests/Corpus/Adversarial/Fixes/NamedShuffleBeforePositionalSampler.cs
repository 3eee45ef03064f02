// Scenario: an evaluation-shard loader written `new(data, 32, shuffle: true, shard)` - a named argument in its position followed by a positional sampler: wrong (a sampler excludes shuffle: true; the runtime throws) - CMP006 on shuffle, whose fix must keep `shard` as the sampler.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.NamedShuffleBeforePositionalSampler;

public sealed class ShardedEvaluator
{
    private readonly EpochDataLoader _loader;

    public ShardedEvaluator(InMemoryDataset data, int rank, int worldSize)
    {
        ISampler shard = new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, shuffle: false);
        _loader = new(data, 32, shuffle: true, shard); //! CMP006
    }

    public double Accuracy(nn.Module<Tensor, Tensor> model)
    {
        using var _ = no_grad();
        long correct = 0, total = 0;
        foreach (var batch in _loader)
        {
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return (double)correct / Math.Max(1, total);
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(640, 9), ["label"] = randint(0, 3, 640) });
        Console.WriteLine(new ShardedEvaluator(data, rank: 0, worldSize: 4).Accuracy(nn.Linear(9, 3)));
    }
}
