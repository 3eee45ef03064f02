// Scenario: a schedule `switch` whose warm-up case falls through with `goto case`, cool-down with `goto default`, each case setting the epoch inside a `lock`, and an OOM retry that jumps back to a label before the batch loop: every pass sets the epoch before iterating: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.LockGotoCaseAndLabels;

public enum Phase { Warmup, Main, Cooldown }

public static class Program
{
    private static readonly object Gate = new();

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(500, 10), ["label"] = randint(0, 5, 500) });
        var shard = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 6);
        using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 25, dropLast: true));
        var model = nn.Sequential(nn.Linear(10, 20), nn.ReLU(), nn.Linear(20, 5));
        double lr = 1e-3;

        for (int epoch = 0; epoch < 9; epoch++)
        {
            var phase = epoch < 2 ? Phase.Warmup : epoch < 7 ? Phase.Main : Phase.Cooldown;
            switch (phase)
            {
                case Phase.Warmup:
                    lr = 1e-4 * (epoch + 1);
                    goto case Phase.Main;
                case Phase.Main:
                    lock (Gate) { train.SetEpoch(epoch); }
                    break;
                case Phase.Cooldown:
                    lr *= 0.5;
                    lock (Gate) Epochs.SetEpoch(train, epoch);
                    goto default;
                default:
                    break;
            }

            var optimizer = optim.SGD(model.parameters(), learningRate: lr);
            int attempts = 0;
        retry:
            try
            {
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
            catch (OutOfMemoryException) when (attempts++ < 2)
            {
                GC.Collect();
                goto retry;
            }
        }
    }
}
