// Scenario: a curriculum runs its stage loaders inside each epoch and wants to report how far it got, so the stage index is declared before the loop, `int stage; for (stage = 0; stage < stages.Count; stage++) { var loader = stages[stage]; loader.SetEpoch(epoch); foreach (var b in loader) …; if (loss > budget) break; }` — every stage loader is told the epoch of the `for (epoch…)` loop around it. The inner loop picks a loader on each pass, "a local declared in its body from an element its variable picks" (`for (int i = 0; i < stages.Count; i++) { var stage = stages[i]; … }`): a loop over loaders, not an epoch loop, so the epoch loop is the outer one, across which `epoch` changes ("A loop over loaders that sets and iterates each one … is not an epoch loop"). Where `stage` is declared does not change what the loop picks. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.StageIndexDeclaredBeforeFor;

public static class Curriculum
{
    public static void Run(IReadOnlyList<EpochDataLoader> stages, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int epochs, double budget)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int stage;
            for (stage = 0; stage < stages.Count; stage++)
            {
                var loader = stages[stage];
                loader.SetEpoch(epoch);
                double loss = 0;
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var l = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                    l.backward();
                    optimizer.step();
                    loss += l.item<float>();
                }
                if (loss / loader.Count > budget) break;
            }
            Console.WriteLine($"epoch {epoch}: reached stage {stage} of {stages.Count}");
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var easy = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 8), ["y"] = randint(0, 2, new long[] { 1000 }) });
        var hard = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3000, 8), ["y"] = randint(0, 2, new long[] { 3000 }) });
        var stages = new List<EpochDataLoader>
        {
            new(easy, batchSize: 50, shuffle: true, seed: 1),
            new(hard, batchSize: 50, shuffle: true, seed: 2),
        };
        var model = nn.Sequential(("fc1", nn.Linear(8, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 2)));
        Curriculum.Run(stages, model, optim.Adam(model.parameters(), lr: 1e-3), 12, budget: 0.9);
    }
}
