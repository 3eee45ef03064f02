// Scenario: the epoch loop is a foreach over Enumerable.Range starting at a resumed epoch and calls Epochs.SetEpoch with the range variable: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Resume;

public sealed record RunConfig(int StartEpoch, int TotalEpochs, int BatchSize, int Seed);

public static class RangeLoop
{
    public static void Train(RunConfig config, InMemoryDataset train)
    {
        var model = nn.Sequential(
            ("conv", nn.Conv2d(1, 16, 3, padding: 1)),
            ("relu", nn.ReLU()),
            ("pool", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(16 * 14 * 14, 10)));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9, nesterov: true);
        if (config.StartEpoch > 0) model.load($"ckpt/epoch{config.StartEpoch - 1}.bin");

        using var loader = new EpochDataLoader(train, batchSize: config.BatchSize,
            sampler: new DistributedSampler(train.Count, seed: config.Seed));

        foreach (var epoch in Enumerable.Range(config.StartEpoch, config.TotalEpochs - config.StartEpoch))
        {
            Epochs.SetEpoch(loader, epoch);
            double running = 0;
            int steps = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                running += loss.item<float>();
                steps++;
            }
            Console.WriteLine($"[{epoch + 1}/{config.TotalEpochs}] loss {running / Math.Max(steps, 1):F4}");
            model.save($"ckpt/epoch{epoch}.bin");
        }
    }
}
