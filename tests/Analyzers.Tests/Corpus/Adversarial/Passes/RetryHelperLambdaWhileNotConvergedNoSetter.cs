// Scenario: each pass of a while (!converged) loop runs the shuffled train loader inside an OOM-retry helper lambda and never sets its epoch; the evaluation loader does not shuffle — wrong for the train loader only.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.RetryHelperLambdaWhileNotConvergedNoSetter;

public static class Program
{
    static void WithRetry(Action pass, int attempts = 3)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                pass();
                return;
            }
            catch (OutOfMemoryException) when (attempt < attempts)
            {
                Console.Error.WriteLine($"out of memory, retrying ({attempt}/{attempts})");
                GC.Collect();
            }
        }
    }

    public static void Main()
    {
        using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(12_000, 40), ["label"] = randint(0, 3, new long[] { 12_000 }) });
        using var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(2_000, 40), ["label"] = randint(0, 3, new long[] { 2_000 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 42, workers: 2);
        using var val = new EpochDataLoader(valSet, batchSize: 512);

        var model = nn.Sequential(("fc1", nn.Linear(40, 80)), ("act", nn.ReLU()), ("fc2", nn.Linear(80, 3)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        double best = double.MaxValue;
        int patience = 0;
        bool converged = false;

        while (!converged)
        {
            model.train();
            WithRetry(() =>
            {
                foreach (var batch in train) //! CMP002
                {
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            });

            model.eval();
            double valLoss = 0;
            using (no_grad())
            {
                foreach (var batch in val)
                    valLoss += nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).item<float>();
            }

            if (valLoss < best - 1e-4) { best = valLoss; patience = 0; }
            else converged = ++patience >= 5;
        }
    }
}
