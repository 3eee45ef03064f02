// Scenario: each epoch runs as `var mean = WithRetry(() => train.Select((batch, i) => { if (i == 0) train.SetEpoch(epoch); … }).Average());` — a retry helper (in view) re-runs the epoch after an I/O error, and the epoch is set on the first batch, inside the iteration. "A lambda passed to a LINQ call made directly on `L`" runs during the iteration, so the setter is CMP005 (epochs 0 and 1 share one order). Its fix "moves the statement to just before the iteration statement: … the statement that holds the LINQ call", dropping the `if (i == 0)` guard that "reads the iteration's own state"; none of the no-fix cases applies (the call is a statement of its own, the lambda around the LINQ call is handed to `WithRetry`, not only declared by the statement). CMP005 on the setter, with a fix.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam23.RetryWrappedSelectSetsEpochFirstBatch;

public static class Program
{
    static T WithRetry<T>(Func<T> body, int attempts = 3)
    {
        for (int attempt = 1; ; attempt++)
        {
            try { return body(); }
            catch (IOException e) when (attempt < attempts) { Console.WriteLine($"attempt {attempt} failed: {e.Message}"); }
        }
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
        var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        for (int epoch = 0; epoch < 10; epoch++)
        {
            var mean = WithRetry(() => train.Select((batch, i) =>
            {
                if (i == 0) train.SetEpoch(epoch); //! CMP005
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                return loss.item<float>();
            }).Average());
            Console.WriteLine($"epoch {epoch}: {mean:F4}");
        }
    }
}
