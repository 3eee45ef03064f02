// Scenario: a switch expression picks a loader by strategy name (one arm a BatchSampler over a RandomSampler) and the loop sets the epoch through a local alias of loader.Sampler: a bug for that arm.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweeps;

public static class StrategySweep
{
    public static float Train(InMemoryDataset dataset, string strategy, int epochs)
    {
        using var loader = strategy switch
        {
            "bucketed" => new EpochDataLoader(dataset, batchSampler: new BatchSampler(new RandomSampler(dataset.Count, seed: 8), 48, dropLast: true)),
            "ddp" => new EpochDataLoader(dataset, batchSize: 48, sampler: new DistributedSampler(dataset.Count)),
            _ => new EpochDataLoader(dataset, batchSize: 48, shuffle: true),
        };

        var model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);
        float lastLoss = float.NaN;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var epochAware = loader.Sampler as IEpochAware;
            epochAware?.SetEpoch(epoch); //! CMP001

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
