// Scenario: a multi-task trainer holds its sources as `Dictionary<string, IEnumerable<Dictionary<string, Tensor>>>` — some are EpochDataLoaders, one is a streaming reader — and in each epoch walks them: `if (source is not EpochDataLoader loader) { stream … ; continue; }`, then `loader.SetEpoch(epoch)` and a run through `loader`. The loop over sources picks a loader on each pass: "a loop over loaders, which picks the loader it iterates on each pass: the loader is the loop's own variable, a member of it, or a local declared in its body from an element its variable picks" — `loader` is declared in the body (by the pattern) from the picked source, so the epoch loop is the `for` around it, across which `epoch` changes ("A loop over loaders that sets and iterates each one … is not an epoch loop"). Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.MixedSourcesPatternPickedLoader;

public sealed class MultiTaskTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void Fit(Dictionary<string, IEnumerable<Dictionary<string, Tensor>>> sources, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (task, source) in sources)
            {
                if (source is not EpochDataLoader loader)
                {
                    Step(task, source.Take(100));
                    continue;
                }
                loader.SetEpoch(epoch);
                foreach (var batch in loader) Step(task, [batch]);
            }
        }
    }

    private void Step(string task, IEnumerable<Dictionary<string, Tensor>> batches)
    {
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
            optimizer.step();
        }
        Console.WriteLine($"{task}: done");
    }
}

public static class Program
{
    public static void Main()
    {
        var a = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2000, 10), ["y"] = randint(0, 3, new long[] { 2000 }) });
        var b = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1200, 10), ["y"] = randint(0, 3, new long[] { 1200 }) });
        var sources = new Dictionary<string, IEnumerable<Dictionary<string, Tensor>>>
        {
            ["sentiment"] = new EpochDataLoader(a, batchSize: 32, shuffle: true, seed: 1),
            ["topic"] = new EpochDataLoader(b, batchSize: 32, shuffle: true, seed: 2),
            ["live"] = Stream(),
        };
        var model = nn.Sequential(("fc1", nn.Linear(10, 40)), ("act", nn.ReLU()), ("fc2", nn.Linear(40, 3)));
        new MultiTaskTrainer(model, optim.Adam(model.parameters(), lr: 1e-3)).Fit(sources, 10);
    }

    static IEnumerable<Dictionary<string, Tensor>> Stream()
    {
        while (true) yield return new Dictionary<string, Tensor> { ["x"] = randn(32, 10), ["y"] = randint(0, 3, new long[] { 32 }) };
    }
}
