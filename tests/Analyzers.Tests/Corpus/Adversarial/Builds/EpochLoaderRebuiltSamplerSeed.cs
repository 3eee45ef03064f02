// Scenario: a trainer rebuilds its EpochDataLoader each epoch around a RandomSampler seeded `_options.Seed + epoch` and never calls SetEpoch (fine: each epoch gets a new order). CMP002 not flagged: "A loader rebuilt on every pass with a changing seed: every visible creation of `L` is inside the epoch loop, and each has a `seed:` argument — its own, or that of a sampler created inside it or in a local it uses — that changes across the loop".
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.EpochLoaderRebuiltSamplerSeed;

public sealed record SamplingOptions(int Seed, int BatchSize, int Epochs);

public sealed class Reseeder
{
    private readonly SamplingOptions _options;

    public Reseeder(SamplingOptions options) => _options = options;

    public void Fit(InMemoryDataset data)
    {
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            var sampler = new RandomSampler(data.Count, seed: _options.Seed + epoch);
            using var train = new EpochDataLoader(data, batchSize: _options.BatchSize, sampler: sampler);
            foreach (var batch in train)
                _ = batch["data"].mean();
        }
    }
}
