// Scenario: a `do … while` loop with no counter sets a constant epoch; right before the loop the file prints a banner that differs between Debug and Release (#if DEBUG / #else / #endif): wrong - CMP004. Its fix declares a counter before the loop, which must exist in both builds.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.DoWhileCounterAfterIfElse;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(420, 6), ["label"] = randint(0, 3, 420) });
        using var train = new EpochDataLoader(data, batchSize: 21, shuffle: true, seed: 11);
        var model = nn.Linear(6, 3);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        double previous = double.MaxValue, current;

#if DEBUG
        Console.WriteLine("Debug build: gradients are checked every step.");
#else
        Console.WriteLine("Release build.");
#endif
        do
        {
            train.SetEpoch(0); //! CMP004
            current = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                current += loss.item<float>();
            }
            if (current >= previous) break;
            previous = current;
        } while (true);
    }
}
