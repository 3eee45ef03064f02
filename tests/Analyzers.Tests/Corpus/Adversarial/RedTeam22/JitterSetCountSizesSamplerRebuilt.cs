// Scenario: to draw fresh noise every epoch a script rebuilds its jitter data set with `seed: epoch` and, with it, the loader, whose sampler is `new RandomSampler(augmented.Count, seed: 42)` sized from that data set — the sampler's seed is the same on every pass and nothing tells the loader the epoch, so every epoch visits the re-augmented samples in the same order. A loader rebuilt per pass is exempt only when "each has a `seed:` argument — its own, or that of a sampler created inside it or in a local it uses, not that of its data set (`new JitterDataset(raw, seed: epoch)` changes the samples, not the order)"; the sampler's seed is 42, and reading the data set's `Count` does not make the data set's seed the sampler's. CMP002 on `train`.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.JitterSetCountSizesSamplerRebuilt;

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
            using var train = new EpochDataLoader(augmented, batchSize: 64, sampler: new RandomSampler(augmented.Count, seed: 42));
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
        }
    }
}
