// Scenario: an EpochDataLoader with shuffle: true is rebuilt inside every epoch with a seed derived from the epoch (options.Seed * 7919 + epoch), so no SetEpoch is needed: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Augment;

public sealed record AugmentOptions(int Seed, int Epochs, float NoiseStd);

public sealed class RebuildPerEpochTrainer(FashionMnist data, AugmentOptions options)
{
    public void Fit()
    {
        var model = nn.Sequential(
            ("c1", nn.Conv2d(1, 8, 5)), ("a1", nn.ReLU()), ("p1", nn.MaxPool2d(2)),
            ("flat", nn.Flatten()), ("fc", nn.Linear(8 * 12 * 12, 10)));
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            // The whole shuffle comes from the seed: a fresh loader per epoch with an epoch-derived seed.
            using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true,
                seed: unchecked(options.Seed * 7919 + epoch), prefetch: true);
            using var noise = new Generator((ulong)(options.Seed + epoch));

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var x = batch["data"] + options.NoiseStd * randn(batch["data"].shape, generator: noise);
                opt.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(x.clamp(0, 1)), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                opt.step();
            }

            if (Dist.Rank == 0) model.save($"ckpt-{epoch}.bin");
        }
    }
}
