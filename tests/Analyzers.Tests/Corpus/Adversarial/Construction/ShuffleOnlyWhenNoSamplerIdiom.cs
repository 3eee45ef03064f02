// Scenario: The PyTorch idiom shuffle=(sampler is None) ported as shuffle: sampler is null next to an optional DistributedSampler, and shuffle: isTrain for the other loaders; only constants are judged and the epoch is set each pass (negative).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Idioms;

public sealed class LoaderBuilder(bool distributed, int seed)
{
    public EpochDataLoader Train(InMemoryDataset data)
    {
        ISampler? sampler = distributed ? new DistributedSampler(data.Count, seed: seed) : null;
        return new EpochDataLoader(data, batchSize: 64, shuffle: sampler is null, sampler: sampler, seed: seed);
    }

    public EpochDataLoader Split(InMemoryDataset data, bool isTrain) =>
        new(data, batchSize: isTrain ? 64 : 256, shuffle: isTrain, dropLast: isTrain, seed: seed);
}

public static class IdiomaticRun
{
    public static void Main()
    {
        if (Dist.LaunchedByMpi) Dist.Initialize();
        var builder = new LoaderBuilder(distributed: Dist.WorldSize > 1, seed: 3);
        using var train = builder.Train(new FashionMnist(train: true));
        using var val = builder.Split(new FashionMnist(train: false), isTrain: false);

        var model = nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(784, 10)));
        var optimizer = optim.SGD(model.parameters(), 0.5);
        for (int epoch = 0; epoch < 5; epoch++)
        {
            train.SetEpoch(epoch);
            val.SetEpoch(epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }
            using (no_grad())
            {
                double loss = val.Select(b => nn.functional.cross_entropy(model.forward(b["data"]), b["label"]).item<float>()).Average();
                Console.WriteLine($"epoch {epoch}: val loss {loss:F4}");
            }
        }
    }
}
