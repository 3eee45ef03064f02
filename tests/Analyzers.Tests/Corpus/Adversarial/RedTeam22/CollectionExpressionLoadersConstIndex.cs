// Scenario: a two-loader trainer keeps its loaders in `EpochDataLoader[] loaders = [train, holdout];` (it logs and disposes them through that array) and, at the top of each epoch, reshuffles the one that shuffles with `loaders[TrainIndex].SetEpoch(epoch)`, `TrainIndex` a `const` 0; the hold-out loader does not shuffle. A setter on an element picked "by a constant index [sets] the element written at that place in the local's one value (`loaders[0]` of `new[] { train, aux }` … is `train`)": the collection expression writes `train` at place 0, so the pass sets `train`. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.CollectionExpressionLoadersConstIndex;

public static class Program
{
    const int TrainIndex = 0;

    public static void Main()
    {
        var all = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(6000, 18), ["y"] = randint(0, 2, new long[] { 6000 }) });
        var heldOut = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 18), ["y"] = randint(0, 2, new long[] { 1000 }) });
        var train = new EpochDataLoader(all, batchSize: 100, shuffle: true, seed: 8);
        var holdout = new EpochDataLoader(heldOut, batchSize: 250);
        EpochDataLoader[] loaders = [train, holdout];
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
                long correct = 0;
                using (no_grad())
                    foreach (var batch in holdout)
                    {
                        using var scope = NewDisposeScope();
                        correct += model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
                    }
                Console.WriteLine($"epoch {epoch}: {string.Join(", ", loaders.Select(l => $"{l.Count} batches"))}, held-out accuracy {correct / 1000.0:P1}");
            }
        }
        finally
        {
            foreach (var loader in loaders) loader.Dispose();
        }
    }
}
