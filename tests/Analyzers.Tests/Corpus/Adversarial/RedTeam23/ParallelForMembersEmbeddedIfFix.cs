// Scenario: an ensemble of `Members` (a `const`) trains in parallel inside the epoch loop; each member builds its own TorchSharp loader in the `Parallel.For` lambda with `seed: 1000 + m` and runs through it under an `if (active[m])` without braces. The seed is the lambda's parameter, "written in the loop and handed to a static method whose other arguments the loop does not change": the same on every pass, so every member replays one order every epoch. CMP003 on the creation; its fix puts the `SetEpoch` "just before the statement that iterates it when the loader is declared inside that statement, as in a `Parallel.For` lambda" (here the braceless `foreach`, which gets braces).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam23.ParallelForMembersEmbeddedIfFix;

public static class Program
{
    const int Members = 4;

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2000, 8), ["y"] = randint(0, 2, new long[] { 2000 }) });
        var active = new bool[] { true, true, false, true };
        var models = Enumerable.Range(0, Members).Select(_ => nn.Sequential(("fc1", nn.Linear(8, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 2)))).ToArray();
        var optimizers = models.Select(m => optim.Adam(m.parameters(), lr: 1e-3)).ToArray();
        for (int epoch = 0; epoch < 5; epoch++)
        {
            Parallel.For(0, Members, m =>
            {
                // each member sees its own order
                using var loader = new DataLoader(data, 32, shuffle: true, seed: 1000 + m); //! CMP003
                if (active[m])
                    foreach (var batch in loader) // the member's pass
                    {
                        using var scope = NewDisposeScope();
                        optimizers[m].zero_grad();
                        nn.functional.cross_entropy(models[m].forward(batch["x"]), batch["y"]).backward();
                        optimizers[m].step();
                    }
            });
        }
    }
}
