// Scenario: training runs `while (!converged)` and calls a local function `Reshuffle()`, declared after the loop, that sets the loader's epoch to the constant 0 on every pass: wrong - CMP004 on the setter in `Reshuffle`. The while loop has no counter, and a new one would not be in scope inside `Reshuffle`, so the page offers no fix ("No fix is offered when the counter is not in scope where the argument is changed").
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.WhileUntilConvergedResetInLocalFunction;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(300, 6), ["label"] = randint(0, 3, 300) });
        using var train = new EpochDataLoader(data, batchSize: 30, shuffle: true, seed: 5);
        var model = nn.Linear(6, 3);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        double best = double.MaxValue;
        bool converged = false;

        while (!converged)
        {
            Reshuffle();
            double total = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            converged = total > best - 1e-3;
            best = Math.Min(best, total);
        }

        void Reshuffle() => train.SetEpoch(0); //! CMP004
    }
}
