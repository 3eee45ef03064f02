// Scenario: a loader type ported from PyTorch has a `sampler` (DistributedSampler) and no batch_sampler; the loop sets it through `loader is { sampler: IEpochAware s }`, which is all it needs (correct, no diagnostic).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.PortedShardLoaderSamplerPattern;

public sealed class ShardLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;
    private readonly int _batchSize;

    public ShardLoader(InMemoryDataset data, int batchSize, int rank, int worldSize, int seed)
    {
        _data = data;
        _batchSize = batchSize;
        sampler = new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: seed);
    }

    public DistributedSampler sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var chunk in sampler.Chunk(_batchSize))
            yield return _data.GetBatch(chunk);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(5000, 12),
            ["target"] = randn(5000, 1),
        });
        var loader = new ShardLoader(data, batchSize: 50, rank: 0, worldSize: 2, seed: 31);
        var model = nn.Sequential(nn.Linear(12, 24), nn.SiLU(), nn.Linear(24, 1));
        var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 30; epoch++)
        {
            if (loader is { sampler: IEpochAware s }) s.SetEpoch(epoch);

            double sum = 0;
            int steps = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.smooth_l1_loss(model.forward(batch["data"]), batch["target"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: mean loss {sum / Math.Max(1, steps):F5}");
        }
    }
}
