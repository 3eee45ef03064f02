// Scenario: a multi-source trainer walks a list of heterogeneous sources each epoch and switches on each: `case EpochDataLoader loader: loader.SetEpoch(epoch); foreach (var batch in loader) …`. The loader is "a local declared in its body from an element its variable picks" (the pattern's value is the loop's own variable, as in `if (source is EpochDataLoader loader)`), so the loop over sources is a loop over loaders and the epoch loop around it judges `loader.SetEpoch(epoch)`, where `epoch` changes. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam23.SwitchCasePickedLoaderSetsEach;

public static class MultiSource
{
    public static void Run(IReadOnlyList<object> sources, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var source in sources)
            {
                switch (source)
                {
                    case EpochDataLoader loader:
                        loader.SetEpoch(epoch);
                        foreach (var batch in loader)
                        {
                            using var scope = NewDisposeScope();
                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                            optimizer.step();
                        }
                        break;
                    case IEnumerable<Dictionary<string, Tensor>> stream:
                        foreach (var batch in stream.Take(100))
                        {
                            using var scope = NewDisposeScope();
                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                            optimizer.step();
                        }
                        break;
                    default:
                        Console.WriteLine($"skipping {source.GetType().Name}");
                        break;
                }
            }
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var a = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3000, 12), ["y"] = randint(0, 3, new long[] { 3000 }) });
        var b = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1200, 12), ["y"] = randint(0, 3, new long[] { 1200 }) });
        var model = nn.Sequential(("fc1", nn.Linear(12, 40)), ("act", nn.ReLU()), ("fc2", nn.Linear(40, 3)));
        var sources = new List<object>
        {
            new EpochDataLoader(a, batchSize: 32, shuffle: true, seed: 1),
            new EpochDataLoader(b, batchSize: 32, sampler: new RandomSampler(b.Count, seed: 2)),
        };
        MultiSource.Run(sources, model, optim.Adam(model.parameters(), lr: 1e-3), 6);
    }
}
