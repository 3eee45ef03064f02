// Scenario: a trainer caps each epoch with a helper `Window(loader, skip, steps) => loader.Skip(skip).Take(steps)` (in view) and trains with `foreach (var batch in Window(train, 0, StepsPerEpoch))`; every 100 steps it probes 8 batches of a shuffling validation loader. Both loaders are told the epoch at the top of the epoch loop. The rules overview: "a method that returns LINQ on `L` (`=> L.Select(…)`) counts as [an iterator that wraps L]", and over such a call "the `foreach` is `L`'s batch loop, so a loader iterated in its body (`val.Take(20)`) belongs to the epoch loop around it" — the `for` loop, which sets `val`. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam23.SkipTakeWindowHelperValProbe;

public static class Program
{
    const int StepsPerEpoch = 500;

    /// <summary>The batches of one capped epoch, after the ones a resumed run already trained on.</summary>
    static IEnumerable<Dictionary<string, Tensor>> Window(EpochDataLoader loader, int skip, int steps) => loader.Skip(skip).Take(steps);

    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(60000, 40), ["y"] = randint(0, 6, new long[] { 60000 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3000, 40), ["y"] = randint(0, 6, new long[] { 3000 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 96, shuffle: true, seed: 5);
        using var val = new EpochDataLoader(valSet, batchSize: 96, shuffle: true, seed: 6);
        var model = nn.Sequential(("fc1", nn.Linear(40, 160)), ("act", nn.GELU()), ("fc2", nn.Linear(160, 6)));
        var optimizer = optim.AdamW(model.parameters(), lr: 5e-4);

        long step = 0;
        for (int epoch = 0; epoch < 8; epoch++)
        {
            train.SetEpoch(epoch);
            val.SetEpoch(epoch);
            foreach (var batch in Window(train, 0, StepsPerEpoch))
            {
                using (var scope = NewDisposeScope())
                {
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                    optimizer.step();
                }
                if (++step % 100 == 0)
                {
                    using var noGrad = no_grad();
                    double loss = 0;
                    foreach (var v in val.Take(8))
                    {
                        using var scope = NewDisposeScope();
                        loss += nn.functional.cross_entropy(model.forward(v["x"]), v["y"]).item<float>();
                    }
                    Console.WriteLine($"step {step}: probe loss {loss / 8:F4}");
                }
            }
        }
    }
}
