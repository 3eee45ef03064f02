// Scenario: a step-budgeted epoch runs `foreach (var batch in Progress(train, …).Take(stepsPerEpoch))`, a tqdm-style iterator method in view that wraps the loader, capped with LINQ's `Take`; the epoch is set on the first step, `if (step == 0) train.SetEpoch(epoch);`, inside that loop — after the enumeration of the loader has started, so epoch 1 runs with epoch 0's order. Iterating a loader counts "`foreach` over L … or over LINQ on them" and "iterator methods that wrap L … the body of a `foreach` over such an iterator does [run during the iteration]: a setter of `L` there is CMP005"; `Take` over the wrapper does not end the iteration. CMP005 at the setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.ProgressTakeStepsSetsEpochInside;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(20000, 32), ["y"] = randint(0, 10, new long[] { 20000 }) });
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 2024);
        var model = nn.Sequential(("fc1", nn.Linear(32, 128)), ("act", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);
        const int stepsPerEpoch = 200;

        for (int epoch = 0; epoch < 25; epoch++)
        {
            int step = 0;
            foreach (var batch in Progress(train, $"epoch {epoch}").Take(stepsPerEpoch))
            {
                if (step == 0) train.SetEpoch(epoch); //! CMP005
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
                step++;
            }
        }
    }

    static IEnumerable<Dictionary<string, Tensor>> Progress(EpochDataLoader loader, string label)
    {
        long seen = 0;
        foreach (var batch in loader)
        {
            if (++seen % 50 == 0) Console.Write($"\r{label}: {seen} batches");
            yield return batch;
        }
        Console.WriteLine();
    }
}
