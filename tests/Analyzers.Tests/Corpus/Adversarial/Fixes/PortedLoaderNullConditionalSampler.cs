// Scenario: a P×K loader ported from PyTorch (snake_case `sampler` and `batch_sampler`); the epoch hook calls `loader?.sampler.SetEpoch(epoch)` on the loader it is handed: wrong (only the sampler is told, the batch sampler replays its order) - CMP001 only (no CMP002: the hook is a method in view that sets the sampler of the loader it receives, which handles the epoch on the pass).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.PortedLoaderNullConditionalSampler;

public sealed class PkDataLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;

    public PkDataLoader(InMemoryDataset data, IReadOnlyList<long> labels, int p, int k, int seed)
    {
        _data = data;
        sampler = new RandomSampler(data.Count, seed: seed);
        batch_sampler = new ClassBalancedBatchSampler(labels, classesPerBatch: p, samplesPerClass: k, seed: seed);
    }

    public RandomSampler sampler { get; }
    public ClassBalancedBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler) yield return _data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class EpochHooks
{
    public static void BeforeEpoch(PkDataLoader? loader, int epoch)
    {
        loader?.sampler.SetEpoch(epoch); //! CMP001
        Console.WriteLine($"epoch {epoch} starting");
    }
}

public static class Program
{
    public static void Main()
    {
        var labels = Enumerable.Range(0, 400).Select(i => (long)(i % 10)).ToList();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(400, 32), ["label"] = tensor(labels.ToArray()) });
        var loader = new PkDataLoader(data, labels, p: 5, k: 4, seed: 11);
        var embed = nn.Linear(32, 16);
        for (int epoch = 0; epoch < 10; epoch++)
        {
            EpochHooks.BeforeEpoch(loader, epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(embed.forward(batch["data"]), dim: 1);
                z.matmul(z.t()).mean().backward();
            }
        }
    }
}
