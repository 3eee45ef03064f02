// Scenario: the same resume script as EpochsToRunHelperPeeksFirstBatch, but the `train.SetEpoch(epoch)` line was lost when the loop was rewritten around `EpochsToRun(…)`: the shuffling loader is iterated on every pass of `foreach (var epoch in EpochsToRun(…))` and never told the epoch, so every epoch replays epoch 0's order. That foreach over integers is the innermost loop around the batch loop (the helper's one `First()` is made in its collection, which "run[s] once", and `EpochsToRun` is no iterator method wrapping the loader, so the loop is no batch loop of it): CMP002 on `train` in the batch loop.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.EpochsToRunHelperForgetsSetEpoch;

public sealed record Checkpoint(int Epoch, long Features, string Path);

public static class Program
{
    public static void Main(string[] args)
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4096, 24), ["y"] = randint(0, 3, new long[] { 4096 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 11);
        var model = nn.Sequential(("fc1", nn.Linear(24, 96)), ("act", nn.SiLU()), ("fc2", nn.Linear(96, 3)));
        var optimizer = optim.AdamW(model.parameters(), lr: 2e-3);
        var checkpoint = args.Length > 0 ? new Checkpoint(int.Parse(args[0]), 24, args[1]) : null;

        foreach (var epoch in EpochsToRun(train, checkpoint, epochs: 30))
        {
            double total = 0;
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: loss {total / train.Count:F4}");
        }
    }

    /// <summary>The epochs still to run; fails fast when the data no longer fits the checkpointed model.</summary>
    static IEnumerable<int> EpochsToRun(EpochDataLoader loader, Checkpoint? checkpoint, int epochs)
    {
        var first = loader.First();
        long width = first["x"].shape[1];
        if (checkpoint is not null && checkpoint.Features != width)
            throw new InvalidOperationException($"{checkpoint.Path} was trained on {checkpoint.Features} features, the data has {width}");
        int start = checkpoint is null ? 0 : checkpoint.Epoch + 1;
        return Enumerable.Range(start, Math.Max(0, epochs - start));
    }
}
