// Scenario: while (!converged) with no loop counter; each pass derives its epoch from the history length and, inside the OOM-retry lambda, sets the train loader's epoch before iterating it (a retry repeats the same epoch) — right.
using System.Runtime.InteropServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.RetryHelperSetsEpochInsideLambdaNegative;

public static class Program
{
    static T WithRetry<T>(Func<T> pass, int attempts = 3)
    {
        for (int attempt = 1; ; attempt++)
        {
            try { return pass(); }
            catch (ExternalException) when (attempt < attempts)
            {
                Console.Error.WriteLine($"CUDA out of memory, attempt {attempt} of {attempts}");
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
    }

    public static void Main()
    {
        using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(20_000, 50), ["label"] = randint(0, 10, new long[] { 20_000 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 256, shuffle: true, seed: 2026, workers: 4);
        var model = nn.Sequential(("fc1", nn.Linear(50, 100)), ("act", nn.ReLU()), ("fc2", nn.Linear(100, 10)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 10, 0.5);
        var history = new List<double>();
        bool converged = false;

        while (!converged)
        {
            int epoch = history.Count;
            double meanLoss = WithRetry(() =>
            {
                // reshuffle (idempotent on retry)
                train.SetEpoch(epoch);
                double sum = 0;
                int n = 0;
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                    n++;
                }
                return sum / Math.Max(n, 1);
            });
            scheduler.step();
            history.Add(meanLoss);
            converged = history.Count >= 100 || meanLoss < 0.05;
        }
    }
}
