// Scenario: each pass of a `while (!done)` loop runs its batch loop inside a lambda handed to an out-of-memory retry helper, and nobody sets the shuffling loader's epoch: wrong - CMP002 (the fix's new counter belongs before the `WithOomRetry(…)` statement, where it advances once per pass, not inside the retried lambda).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.OomRetryWrapperEpochLoop;

public static class Resilience
{
    public static void WithOomRetry(Action body, int attempts = 3)
    {
        for (int attempt = 1; ; attempt++)
        {
            try { body(); return; }
            catch (ExternalException) when (attempt < attempts) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        }
    }
}

public sealed class ExternalException(string message) : Exception(message);

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(2000, 24), ["label"] = randint(0, 6, 2000) });
        using var train = new EpochDataLoader(data, batchSize: 100, shuffle: true, seed: 12);
        var model = nn.Sequential(nn.Linear(24, 96), nn.ReLU(), nn.Linear(96, 6));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        double lastLoss = double.MaxValue;
        bool done = false;

        while (!done)
        {
            double total = 0;
            Resilience.WithOomRetry(() =>
            {
                total = 0;
                foreach (var batch in train) //! CMP002
                {
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>();
                }
            });
            done = lastLoss - total < 1e-3;
            lastLoss = total;
        }
    }
}
