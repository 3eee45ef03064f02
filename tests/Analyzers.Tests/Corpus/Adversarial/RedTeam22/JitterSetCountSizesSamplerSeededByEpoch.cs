// Scenario: the per-epoch jitter script done right: the data set is rebuilt with `seed: epoch` for fresh noise, and the loader's sampler, sized from that data set, is seeded `seed: 42 + epoch`, so each rebuilt loader has a new order; nothing calls SetEpoch. CMP002 exempts "a loader rebuilt on every pass with a changing seed: every visible creation of L is inside the epoch loop, and each has a `seed:` argument — its own, or that of a sampler created inside it …— that changes across the loop: `seed: baseSeed + epoch`". The sampler's seed changes. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.JitterSetCountSizesSamplerSeededByEpoch;

/// <summary>Adds seeded Gaussian jitter to the features; the seed picks the noise, not the order.</summary>
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
        float scale = 1f + 0.01f * ((_seed * 31 + index) % 7);
        sample["x"] = sample["x"] * scale;
        return sample;
    }
}

public static class Program
{
    public static void Main()
    {
        var raw = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2048, 16), ["y"] = randint(0, 4, new long[] { 2048 }) });
        var model = nn.Sequential(("fc1", nn.Linear(16, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 4)));
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 20; epoch++)
        {
            var augmented = new JitterDataset(raw, seed: epoch);
            using var train = new EpochDataLoader(augmented, batchSize: 64, sampler: new RandomSampler(augmented.Count, seed: 42 + epoch));
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
        }
    }
}
