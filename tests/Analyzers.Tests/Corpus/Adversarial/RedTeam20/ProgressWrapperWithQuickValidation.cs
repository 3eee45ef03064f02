// Scenario: a tqdm-style `Progress(train, …)` iterator method (in view) wraps the training loader, and every 200 steps a quick validation runs 20 batches of a sharded validation loader whose DistributedSampler shuffles, so each epoch probes a different random subset; both loaders are told the epoch at the top of the epoch. "Iterating a loader" includes "iterator methods that wrap L … (`foreach (var b in WithProgress(L))`)", and an epoch loop does not count "loops that are themselves iterations …: a loader iterated inside another loader's batch loop belongs to the epoch loop around both" — the `for` epoch loop, whose pass sets `val`. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.ProgressWrapperWithQuickValidation;

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(8000, 32), ["y"] = randint(0, 10, new long[] { 8000 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 32), ["y"] = randint(0, 10, new long[] { 4000 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 64, sampler: new DistributedSampler(trainSet.Count, numReplicas: 1, rank: 0, seed: 3));
        using var val = new EpochDataLoader(valSet, batchSize: 64, sampler: new DistributedSampler(valSet.Count, numReplicas: 1, rank: 0, seed: 4));
        var model = nn.Sequential(("fc1", nn.Linear(32, 128)), ("act", nn.GELU()), ("fc2", nn.Linear(128, 10)));
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-4);

        long step = 0;
        for (int epoch = 0; epoch < 10; epoch++)
        {
            train.SetEpoch(epoch);
            val.SetEpoch(epoch);
            foreach (var batch in Progress(train, $"epoch {epoch}"))
            {
                using (var scope = NewDisposeScope())
                {
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                    optimizer.step();
                }
                if (++step % 200 == 0)
                {
                    using var noGrad = no_grad();
                    double loss = 0;
                    foreach (var v in val.Take(20))
                    {
                        using var scope = NewDisposeScope();
                        loss += nn.functional.cross_entropy(model.forward(v["x"]), v["y"]).item<float>();
                    }
                    Console.WriteLine($"step {step}: quick val loss {loss / 20:F4}");
                }
            }
        }
    }

    static IEnumerable<Dictionary<string, Tensor>> Progress(EpochDataLoader loader, string description)
    {
        long done = 0;
        foreach (var batch in loader)
        {
            if (++done % 50 == 0) Console.Write($"\r{description}: {done}/{loader.Count}");
            yield return batch;
        }
        Console.WriteLine();
    }
}
