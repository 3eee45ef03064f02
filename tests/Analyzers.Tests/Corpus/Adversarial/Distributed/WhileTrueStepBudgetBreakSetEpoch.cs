// Scenario: `while (true)` training with an epoch counter incremented at the end of the pass, SetEpoch before each pass and a `break` out of both loops when the step budget is spent: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Budgeted;

public static class BudgetedTraining
{
    public static int Train(FashionMnist data, long stepBudget)
    {
        var sampler = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, shuffle: true, seed: 3);
        var loader = new EpochDataLoader(data, 100, sampler: sampler);
        var model = nn.Sequential(("f", nn.Flatten()), ("l1", nn.Linear(784, 300)), ("a", nn.Tanh()), ("l2", nn.Linear(300, 10)));
        var opt = optim.RMSProp(model.parameters(), lr: 1e-3);
        var lossFn = nn.CrossEntropyLoss();

        long steps = 0;
        int epoch = 0;
        bool exhausted = false;
        while (true)
        {
            sampler.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var d = NewDisposeScope();
                opt.zero_grad();
                var loss = lossFn.forward(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                if (++steps >= stepBudget)
                {
                    exhausted = true;
                    break;
                }
            }
            if (exhausted) break;
            epoch++;
            if (Dist.Rank == 0) Console.WriteLine($"finished epoch {epoch - 1} after {steps} steps");
        }
        return epoch;
    }
}
