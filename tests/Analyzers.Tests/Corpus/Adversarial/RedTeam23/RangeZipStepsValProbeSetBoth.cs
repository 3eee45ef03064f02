// Scenario: a step-capped epoch written as `foreach (var (step, batch) in Enumerable.Range(0, StepsPerEpoch).Zip(train))`, with a shuffling validation loader peeked at (`val.First()`) every 100 steps; both loaders are told the epoch at the top of the epoch loop. The `Zip` draws from `train` ("`L` as a sequence argument of a LINQ call … iterate[s] `L` too (under a `foreach`, with its body)"), so the `foreach` is `train`'s batch loop and `val.First()` in its body "belongs to the epoch loop around both", which sets `val`. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam23.RangeZipStepsValProbeSetBoth;

public static class Program
{
    const int StepsPerEpoch = 400;

    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(60000, 40), ["y"] = randint(0, 6, new long[] { 60000 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3000, 40), ["y"] = randint(0, 6, new long[] { 3000 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 96, shuffle: true, seed: 5);
        using var val = new EpochDataLoader(valSet, batchSize: 96, shuffle: true, seed: 6);
        var model = nn.Sequential(("fc1", nn.Linear(40, 160)), ("act", nn.GELU()), ("fc2", nn.Linear(160, 6)));
        var optimizer = optim.AdamW(model.parameters(), lr: 5e-4);
        for (int epoch = 0; epoch < 8; epoch++)
        {
            train.SetEpoch(epoch);
            val.SetEpoch(epoch);
            foreach (var (step, batch) in Enumerable.Range(0, StepsPerEpoch).Zip(train))
            {
                using (var scope = NewDisposeScope())
                {
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                    optimizer.step();
                }
                if (step % 100 == 99)
                {
                    using var noGrad = no_grad();
                    using var scope = NewDisposeScope();
                    var probe = val.First();
                    Console.WriteLine($"epoch {epoch} step {step}: probe loss {nn.functional.cross_entropy(model.forward(probe["x"]), probe["y"]).item<float>():F4}");
                }
            }
        }
    }
}
