// Scenario: the old, buggy loop is kept for reference under `#if false`, and the active loop sets the epoch in both arms of an `#if DEBUG` / `#else` (Debug builds offset it by a constant); the compiled code is correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.IfFalseOldLoopKept;

public static class Program
{
    private const int DebugOffset = 1000;

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(240, 3), ["label"] = randint(0, 2, 240) });
        var ddp = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 9);
        using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(ddp, 16));
        var model = nn.Linear(3, 2);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.03);

#if false
        // Before the fix of March: Composer's bug, kept to show the difference in the report.
        for (int epoch = 0; epoch < 5; epoch++)
        {
            if (train.Sampler is IEpochAware s) s.SetEpoch(0);
            foreach (var batch in train) { }
        }
#endif
        for (int epoch = 0; epoch < 5; epoch++)
        {
#if DEBUG
            train.SetEpoch(DebugOffset + epoch);
#else
            train.SetEpoch(epoch);
#endif
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
