// Scenario: an epoch loop whose counter advances in a finally block; on the first batch it sets the train loader's own epoch (too late) and the auxiliary loader's (fine: that loader is read after the batch loop) — wrong for the train loader only.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.TryFinallySetterInsideBatchLoop;

public sealed class RunConfig
{
    public int Epochs { get; init; } = 20;
    public int BatchSize { get; init; } = 64;
}

public static class Program
{
    public static void Main()
    {
        var cfg = new RunConfig();
        using var mainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(10_000, 32), ["label"] = randint(0, 4, new long[] { 10_000 }) });
        using var auxSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(3_000, 32), ["label"] = randint(0, 4, new long[] { 3_000 }) });
        using var train = new EpochDataLoader(mainSet, cfg.BatchSize, shuffle: true, seed: 7);
        using var aux = new EpochDataLoader(auxSet, cfg.BatchSize, sampler: new DistributedSampler(auxSet.Count, numReplicas: 1, rank: 0, seed: 8));

        var model = nn.Sequential(("fc1", nn.Linear(32, 64)), ("act", nn.SiLU()), ("fc2", nn.Linear(64, 4)));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        int epoch = 0;
        while (epoch < cfg.Epochs)
        {
            try
            {
                int step = 0;
                foreach (var batch in train)
                {
                    if (step == 0)
                    {
                        // reshuffle
                        train.SetEpoch(epoch); //! CMP005
                        aux.SetEpoch(epoch);
                    }
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    step++;
                }

                foreach (var batch in aux)
                {
                    using var scope = NewDisposeScope();
                    var loss = 0.5f * nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
            finally
            {
                epoch++;
                GC.Collect();
            }
        }
    }
}
