// Scenario: a metric-learning script ported from PyTorch rebuilds its P×K loader every epoch, `new PkLoader(source: new JitterDataset(raw, seed: epoch), batchSampler: new ClassBalancedBatchSampler(labels, 8, 4, seed: 3))`, to get fresh augmentations; the batch sampler keeps `seed: 3` and the loader is never told the epoch, so every epoch draws the same P×K batches. `PkLoader` is a loader of the user's (enumerable, with a `BatchSampler` member) made with an epoch-aware argument. A loader rebuilt per pass is exempt only for a changing `seed:` that is "its own, or that of a sampler created inside it …, not that of its data set (`new JitterDataset(raw, seed: epoch)` changes the samples, not the order)" — the loader's data set here is its `source`. CMP002 on `pk`.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.PortedPkLoaderSourceSeededPerEpoch;

/// <summary>Adds seeded jitter to the embeddings' inputs; the seed picks the noise, not the order.</summary>
public sealed class JitterDataset : torch.utils.data.Dataset
{
    private readonly InMemoryDataset _inner;
    private readonly int _seed;

    public JitterDataset(InMemoryDataset inner, int seed)
    {
        _inner = inner;
        _seed = seed;
    }

    public override long Count => _inner.Count;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var sample = _inner.GetTensor(index);
        sample["x"] = sample["x"] + 0.01f * ((_seed * 17 + index) % 5);
        return sample;
    }
}

/// <summary>PyTorch's DataLoader(dataset, batch_sampler=…) for P×K batches.</summary>
public sealed class PkLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public PkLoader(torch.utils.data.Dataset source, ClassBalancedBatchSampler batchSampler)
    {
        Dataset = source;
        BatchSampler = batchSampler;
    }

    public torch.utils.data.Dataset Dataset { get; }
    public ClassBalancedBatchSampler BatchSampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in BatchSampler)
        {
            var samples = indices.Select(i => Dataset.GetTensor(i)).ToList();
            yield return new Dictionary<string, Tensor>
            {
                ["x"] = stack(samples.Select(s => s["x"]).ToArray()),
                ["y"] = stack(samples.Select(s => s["y"]).ToArray()),
            };
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Program
{
    public static void Main()
    {
        var labels = Enumerable.Range(0, 3200).Select(i => (long)(i % 40)).ToArray();
        var raw = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3200, 64), ["y"] = tensor(labels) });
        var embed = nn.Sequential(("fc1", nn.Linear(64, 128)), ("act", nn.ReLU()), ("fc2", nn.Linear(128, 32)));
        var optimizer = optim.Adam(embed.parameters(), lr: 3e-4);

        for (int epoch = 0; epoch < 30; epoch++)
        {
            var pk = new PkLoader(source: new JitterDataset(raw, seed: epoch), batchSampler: new ClassBalancedBatchSampler(labels, 8, 4, seed: 3));
            foreach (var batch in pk) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var z = nn.functional.normalize(embed.forward(batch["x"]), dim: 1);
                var same = batch["y"].unsqueeze(0).eq(batch["y"].unsqueeze(1)).to_type(ScalarType.Float32);
                nn.functional.mse_loss(z.matmul(z.t()), same).backward();
                optimizer.step();
            }
        }
    }
}
