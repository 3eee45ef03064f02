// Scenario: a trainer keeps every loader it owns in one array for logging and disposal, `EpochDataLoader[] loaders = [train, holdout, .. probes];` (the probes come from a command-line list), and reshuffles the training loader through it with `loaders[TrainIndex].SetEpoch(epoch)`, `TrainIndex` a `const` 0. A setter on an element "by a constant index [sets] the element written at that place in the local's one value (`loaders[0]` of `new[] { train, aux }`, `[train, aux]` …)": place 0 of this collection expression is written `train` (the spread comes after it, so it moves no place before it). `train` is set on every pass; the hold-out and probe loaders do not shuffle. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam23.CollectionExpressionSpreadConstIndex;

public static class Program
{
    const int TrainIndex = 0;

    public static void Main(string[] args)
    {
        var all = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(6000, 18), ["y"] = randint(0, 2, new long[] { 6000 }) });
        var heldOut = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 18), ["y"] = randint(0, 2, new long[] { 1000 }) });
        var train = new EpochDataLoader(all, batchSize: 100, shuffle: true, seed: 8);
        var holdout = new EpochDataLoader(heldOut, batchSize: 250);
        EpochDataLoader[] probes = [.. args.Select(a => new EpochDataLoader(heldOut, batchSize: int.Parse(a)))];
        EpochDataLoader[] loaders = [train, holdout, .. probes];
        var model = nn.Sequential(("fc1", nn.Linear(18, 36)), ("act", nn.ReLU()), ("fc2", nn.Linear(36, 2)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        try
        {
            for (int epoch = 0; epoch < 20; epoch++)
            {
                loaders[TrainIndex].SetEpoch(epoch);
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                    optimizer.step();
                }
                Console.WriteLine($"epoch {epoch}: {string.Join(", ", loaders.Select(l => l.Count))} batches per loader");
            }
        }
        finally
        {
            foreach (var loader in loaders) loader.Dispose();
        }
    }
}
