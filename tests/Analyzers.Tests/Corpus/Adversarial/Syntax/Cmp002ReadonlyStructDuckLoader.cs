// Scenario: a `readonly struct` loader with a duck-typed GetEnumerator and a `sampler` field of type DistributedSampler; the while loop logs with nameof(loader) but never sets the epoch (bug: CMP002).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002ReadonlyStructDuckLoader;

public readonly struct ShardLoader
{
    public readonly DistributedSampler sampler;
    private readonly InMemoryDataset _data;
    private readonly int _batchSize;

    public ShardLoader(InMemoryDataset data, DistributedSampler sampler, int batchSize)
    {
        _data = data;
        this.sampler = sampler;
        _batchSize = batchSize;
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var chunk in sampler.Chunk(_batchSize))
            yield return _data.GetBatch(chunk);
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(800, 6), ["label"] = randint(0, 3, 800) });
        var loader = new ShardLoader(data, new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 21), batchSize: 25);
        var model = nn.Linear(6, 3);
        var opt = optim.Adam(model.parameters());
        int epoch = 0;
        bool converged = false;
        while (!converged)
        {
            Console.WriteLine($"[{nameof(loader)}] rank {Dist.Rank} starting epoch {epoch}");
            float last = 0;
            foreach (var batch in loader) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                last = loss.item<float>();
            }
            converged = last < 0.05f || ++epoch >= 50;
        }
    }
}
