// Scenario: a switch expression picks among loaders that all draw from a sampler (distributed, random, or shuffle:true) and none has a batch sampler, so setting loader.Sampler's epoch is enough: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Modes;

public enum SamplingMode { Distributed, Random, Shuffle }

public static class ModeLoop
{
    public static void Train(InMemoryDataset data, SamplingMode mode, int epochs)
    {
        using var loader = mode switch
        {
            SamplingMode.Distributed => new EpochDataLoader(data, batchSize: 64, sampler: new DistributedSampler(data.Count, seed: 4)),
            SamplingMode.Random => new EpochDataLoader(data, batchSize: 64, sampler: new RandomSampler(data.Count, seed: 4)),
            _ => new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 4),
        };
        var model = nn.Sequential(("fc1", nn.Linear(20, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 4)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
