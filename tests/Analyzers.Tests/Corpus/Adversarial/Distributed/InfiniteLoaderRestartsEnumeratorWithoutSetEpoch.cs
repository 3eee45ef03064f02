// Scenario: step-based training over a shuffled loader restarts its enumerator when exhausted and counts epochs, but never calls SetEpoch: every restart replays the same order (CMP002 on the restart's GetEnumerator()).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace StepTraining;

public sealed class StepTrainer(FashionMnist data, int maxSteps, int warmupSteps)
{
    public void Train()
    {
        var loader = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 31, dropLast: true);
        var model = nn.Sequential(
            ("flat", nn.Flatten()),
            ("fc1", nn.Linear(784, 512)), ("ln", nn.LayerNorm(512)), ("act", nn.GELU()),
            ("fc2", nn.Linear(512, 10)));
        var opt = optim.AdamW(model.parameters(), lr: 1e-3);
        var schedule = optim.lr_scheduler.OneCycleLR(opt, max_lr: 3e-3, total_steps: maxSteps, pct_start: warmupSteps / (double)maxSteps);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        int epoch = 0;
        var batches = loader.GetEnumerator();
        for (int step = 0; step < maxSteps; step++)
        {
            if (!batches.MoveNext())
            {
                epoch++;
                batches.Dispose();
                batches = loader.GetEnumerator(); //! CMP002
                batches.MoveNext();
            }

            var batch = batches.Current;
            using var scope = NewDisposeScope();
            opt.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            reducer.AverageGradients();
            opt.step();
            schedule.step();

            if (Dist.Rank == 0 && step % 250 == 0)
                Console.WriteLine($"step {step}/{maxSteps} epoch {epoch} lr {schedule.get_last_lr().First():E2} loss {loss.item<float>():F4}");
        }
        batches.Dispose();
    }
}
