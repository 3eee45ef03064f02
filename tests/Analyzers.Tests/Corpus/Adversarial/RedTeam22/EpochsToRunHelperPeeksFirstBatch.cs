// Scenario: a resume helper `EpochsToRun(train, checkpoint, epochs)` peeks at the loader's first batch to check the feature width against the checkpoint, then returns `Enumerable.Range(start, epochs - start)` — a plain method, no iterator; the script runs `foreach (var epoch in EpochsToRun(…))` and sets `train.SetEpoch(epoch)` at the top of each pass, before its batch loop. The helper's `First()` is one iteration at the call ("a call of a method in view … that iterates L once per call"), made in the foreach's collection, which runs once; the foreach over its integers is the epoch loop, not a batch loop: only "the body of a `foreach` over such an iterator" (an iterator method that wraps L) runs during the iteration for CMP005, and `EpochsToRun` is none. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.EpochsToRunHelperPeeksFirstBatch;

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
            train.SetEpoch(epoch);
            double total = 0;
            foreach (var batch in train)
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
