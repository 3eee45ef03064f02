// Scenario: the sampler is declared as ISampler but initialised by a switch expression whose every arm creates an epoch-aware sampler (DistributedSampler or RandomSampler); the loader built from it is trained for many epochs and nothing sets its epoch (CMP002).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Strategies;

public enum SamplingStrategy { DataParallel, Random, WithReplacement }

public static class StrategyTraining
{
    public static void Run(FashionMnist data, SamplingStrategy strategy, int epochs, int seed)
    {
        ISampler sampler = strategy switch
        {
            SamplingStrategy.DataParallel => new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: seed),
            SamplingStrategy.WithReplacement => new RandomSampler(data.Count, seed, replacement: true),
            _ => new RandomSampler(data.Count, seed),
        };
        var loader = new EpochDataLoader(data, batchSize: 100, sampler: sampler);

        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("act", nn.Hardswish()), ("fc2", nn.Linear(256, 10)));
        var opt = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        var scheduler = optim.lr_scheduler.MultiStepLR(opt, [epochs / 2, epochs * 3 / 4], 0.1);
        using var reducer = strategy == SamplingStrategy.DataParallel ? new GradientAllReducer(model) : null;

        var epoch = 0;
        while (epoch < epochs)
        {
            foreach (var batch in loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                reducer?.AverageGradients();
                opt.step();
            }
            scheduler.step();
            epoch += 1;
            if (Dist.Rank == 0) Console.WriteLine($"{strategy}: epoch {epoch}/{epochs}");
        }
    }
}
