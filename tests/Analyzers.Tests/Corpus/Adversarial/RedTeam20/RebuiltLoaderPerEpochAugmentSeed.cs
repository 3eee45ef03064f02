// Scenario: to get fresh augmentations every epoch a script rebuilds its jitter data set with `seed: epoch` and, with it, the shuffling loader — but the loader keeps `seed: 42` and is never told the epoch, so every epoch visits the (re-augmented) samples in the same order. CMP002 exempts a loader rebuilt per pass only when "each has a `seed:` argument — its own, or that of a sampler created inside it or in a local it uses — that changes across the loop"; the changing seed here is the data set's, not the loader's nor a sampler's: CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.RebuiltLoaderPerEpochAugmentSeed;

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
            using var train = new EpochDataLoader(augmented, batchSize: 64, shuffle: true, seed: 42);
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
