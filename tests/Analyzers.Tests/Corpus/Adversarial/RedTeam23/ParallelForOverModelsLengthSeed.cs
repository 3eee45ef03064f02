// Scenario: an ensemble trains its members in parallel inside the epoch loop: `Parallel.For(0, models.Length, m => { using var loader = new DataLoader(data, 32, shuffle: true, seed: 1000 + m); … })`, `models` a local array the loop never assigns. Each member's TorchSharp loader is rebuilt every epoch with the seed `1000 + m`, the same on every pass: CMP003 flags a seed that is a lambda's parameter "when the lambda is written in the loop and handed to a static method whose other arguments the loop does not change, which calls it with the same values on every pass: `Parallel.For(0, members, m => new DataLoader(…, seed: 1000 + m))`" — the loop changes neither `0` nor `models.Length`. Every member replays one order every epoch. CMP003 on the creation (it is flagged with a `const` count in place of `models.Length`).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam23.ParallelForOverModelsLengthSeed;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2000, 8), ["y"] = randint(0, 2, new long[] { 2000 }) });
        var models = Enumerable.Range(0, 4).Select(_ => nn.Sequential(("fc1", nn.Linear(8, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 2)))).ToArray();
        var optimizers = models.Select(m => optim.Adam(m.parameters(), lr: 1e-3)).ToArray();
        for (int epoch = 0; epoch < 5; epoch++)
        {
            Parallel.For(0, models.Length, m =>
            {
                using var loader = new DataLoader(data, 32, shuffle: true, seed: 1000 + m); //! CMP003
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    optimizers[m].zero_grad();
                    nn.functional.cross_entropy(models[m].forward(batch["x"]), batch["y"]).backward();
                    optimizers[m].step();
                }
            });
            Console.WriteLine($"epoch {epoch} done");
        }
    }
}
