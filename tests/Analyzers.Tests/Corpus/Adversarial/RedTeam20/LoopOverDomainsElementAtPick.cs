// Scenario: a multi-domain trainer receives its loaders as an `IReadOnlyCollection<EpochDataLoader>` and, for each epoch, walks the domains by index — `var loader = domains.ElementAt(d); loader.SetEpoch(epoch); foreach (var batch in loader) …`. The index loop is "a loop over loaders, which picks the loader it iterates on each pass: … a local declared in its body from an element its variable picks", so it is no epoch loop; the loop around it is, and there `epoch` changes (CMP004, Not flagged: "A loop over loaders that sets and iterates each one (… or `var stage = stages[i]`)"). Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.LoopOverDomainsElementAtPick;

public sealed class MultiDomainTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void Fit(IReadOnlyCollection<EpochDataLoader> domains, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int d = 0; d < domains.Count; d++)
            {
                var loader = domains.ElementAt(d);
                loader.SetEpoch(epoch);
                double total = 0;
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>();
                }
                Console.WriteLine($"epoch {epoch} domain {d}: {total:F3}");
            }
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var domains = Enumerable.Range(0, 3)
            .Select(i => new EpochDataLoader(new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(900, 14), ["y"] = randint(0, 3, new long[] { 900 }) }), batchSize: 30, shuffle: true, seed: i))
            .ToList();
        var model = nn.Sequential(("fc1", nn.Linear(14, 28)), ("act", nn.ReLU()), ("fc2", nn.Linear(28, 3)));
        new MultiDomainTrainer(model, optim.Adam(model.parameters(), lr: 1e-3)).Fit(domains, epochs: 8);
    }
}
