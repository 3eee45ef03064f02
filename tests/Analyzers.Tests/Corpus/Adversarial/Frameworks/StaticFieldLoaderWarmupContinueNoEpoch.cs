// Scenario: a curriculum schedule keeps loaders in static readonly fields (target-typed new); the main loader's sampler epoch is set, but the shuffled warm-up loader, iterated on an early-continue path, never has its epoch set (bug).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Curriculum;

public static class CurriculumProgram
{
    private static readonly InMemoryDataset EasySet = new(new Dictionary<string, Tensor>
    {
        ["data"] = torch.randn(1000, 16),
        ["label"] = torch.randint(0, 3, new long[] { 1000 }),
    });
    private static readonly InMemoryDataset FullSet = new(new Dictionary<string, Tensor>
    {
        ["data"] = torch.randn(8000, 16),
        ["label"] = torch.randint(0, 3, new long[] { 8000 }),
    });

    private static readonly EpochDataLoader WarmupLoader = new(EasySet, batchSize: 32, shuffle: true, seed: 3);
    private static readonly EpochDataLoader MainLoader = new(FullSet, batchSize: 64, sampler: new RandomSampler(FullSet.Count, seed: 3));

    private static readonly Sequential Model = nn.Sequential(("fc1", nn.Linear(16, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 3)));

    public static void Train(int totalEpochs, int warmupEpochs)
    {
        var optimizer = optim.SGD(Model.parameters(), learningRate: 0.01);
        for (int epoch = 0; epoch < totalEpochs; epoch++)
        {
            if (epoch < warmupEpochs)
            {
                foreach (var batch in WarmupLoader) //! CMP002
                    Step(optimizer, batch);
                continue;
            }

            ((IEpochAware)MainLoader.Sampler).SetEpoch(epoch);
            foreach (var batch in MainLoader)
                Step(optimizer, batch);
        }
    }

    private static void Step(optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(Model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
}
