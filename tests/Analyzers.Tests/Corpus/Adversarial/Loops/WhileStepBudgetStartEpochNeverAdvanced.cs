// Scenario: a step-budget while loop resumes at startEpoch and calls Epochs.SetEpoch(loader, startEpoch) each pass without ever advancing it (only the step counter moves): bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.StepBudget;

public sealed class StepBudgetTrainer(InMemoryDataset data, int seed)
{
    private readonly EpochDataLoader _loader = new(data, batchSize: 64, shuffle: true, seed: seed);
    private readonly nn.Module<Tensor, Tensor> _model =
        nn.Sequential(("fc1", nn.Linear(128, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));

    public long Train(long maxSteps, int startEpoch, long startStep)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: maxSteps);
        long step = startStep;

        while (step < maxSteps)
        {
            Epochs.SetEpoch(_loader, startEpoch); //! CMP004
            foreach (var batch in _loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                scheduler.step();
                step++;
                if (step >= maxSteps) break;
            }
            Console.WriteLine($"step {step}/{maxSteps}");
        }
        return step;
    }
}
