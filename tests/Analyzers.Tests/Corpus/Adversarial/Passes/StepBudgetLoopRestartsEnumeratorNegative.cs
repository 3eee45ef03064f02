// Scenario: step-budgeted training (no epoch loop in the source): a for loop over steps holds one enumerator in try/finally and, when it runs dry, sets the next epoch and takes a fresh enumerator — right (the epoch is set before each new enumeration).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.StepBudgetLoopRestartsEnumeratorNegative;

public static class Program
{
    public static void Main()
    {
        const long totalSteps = 50_000;
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(40_000, 24), ["label"] = randn(40_000, 2) });
        var shard = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 8);
        using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 128, dropLast: true));

        var model = nn.Sequential(("fc1", nn.Linear(24, 96)), ("act", nn.Mish()), ("fc2", nn.Linear(96, 2)));
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
        var scheduler = optim.lr_scheduler.OneCycleLR(optimizer, max_lr: 3e-3, total_steps: (int)totalSteps);

        int epoch = 0;
        train.SetEpoch(epoch);
        var it = train.GetEnumerator();
        try
        {
            for (long step = 0; step < totalSteps; step++)
            {
                if (!it.MoveNext())
                {
                    it.Dispose();
                    // the data ran out: next epoch, new order
                    train.SetEpoch(++epoch);
                    it = train.GetEnumerator();
                    if (!it.MoveNext()) break;
                }

                using var scope = NewDisposeScope();
                var batch = it.Current;
                var loss = nn.functional.smooth_l1_loss(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                scheduler.step();
                if (step % 1_000 == 0)
                    Console.WriteLine($"step {step} (epoch {epoch}): {loss.item<float>():F4}");
            }
        }
        finally
        {
            it.Dispose();
        }
    }
}
