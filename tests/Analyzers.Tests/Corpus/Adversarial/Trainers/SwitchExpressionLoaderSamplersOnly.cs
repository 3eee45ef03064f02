// Scenario: a switch expression picks a loader by strategy, every arm a plain sampler (random, distributed, sequential) and none a batch sampler; a local alias of loader.Sampler gets the epoch: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweeps.Samplers;

public enum Order { Random, Sharded, InOrder }

public static class OrderSweep
{
    public static float Train(InMemoryDataset dataset, Order order, int epochs)
    {
        using var loader = order switch
        {
            Order.Random => new EpochDataLoader(dataset, batchSize: 48, sampler: new RandomSampler(dataset.Count, seed: 8)),
            Order.Sharded => new EpochDataLoader(dataset, batchSize: 48, sampler: new DistributedSampler(dataset.Count, seed: 8)),
            _ => new EpochDataLoader(dataset, batchSize: 48, sampler: new SequentialSampler(dataset.Count)),
        };

        var model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);
        float lastLoss = float.NaN;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var epochAware = loader.Sampler as IEpochAware;
            epochAware?.SetEpoch(epoch);

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lastLoss = loss.item<float>();
            }
        }
        return lastLoss;
    }
}
