// Scenario: step-budgeted training in while (step < totalSteps) with a hand-kept epoch counter that the loop never advances (epoch++ forgotten), so SetEpoch gets 0 every pass; a bug (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Scripts.StepBudget;

public static class StepBudget
{
    public static void Train(InMemoryDataset data, long totalSteps = 50_000, int logEvery = 500)
    {
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 8, dropLast: true);
        var model = nn.Sequential(nn.Linear(64, 64), nn.SiLU(), nn.Linear(64, 64));
        var opt = optim.Adam(model.parameters(), lr: 1e-3);

        int epoch = 0;
        long step = 0;
        while (step < totalSteps)
        {
            Epochs.SetEpoch(train, epoch); //! CMP004
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var x = batch["data"];
                var noisy = x + 0.1 * randn_like(x);
                var loss = nn.functional.mse_loss(model.call(noisy), x);
                opt.zero_grad();
                loss.backward();
                opt.step();
                step++;
                if (step % logEvery == 0)
                    Console.WriteLine($"step {step} (epoch {epoch}): {loss.item<float>():F5}");
                if (step >= totalSteps) break;
            }
        }
    }
}
