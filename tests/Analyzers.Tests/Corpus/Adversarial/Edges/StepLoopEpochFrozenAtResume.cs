// Scenario: a resumed step-budget loop computes the checkpoint's epoch once before the loop and never advances it, so every epoch gets the same SetEpoch value; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.StepLoopEpochFrozenAtResume;

public sealed record ResumeState(long GlobalStep, string WeightsPath);

public sealed class BudgetTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 10));
    private readonly optim.Optimizer _optimizer;

    public BudgetTrainer() => _optimizer = optim.SGD(_model.parameters(), 0.05, momentum: 0.9);

    public void Run(InMemoryDataset data, ResumeState? resume, long totalSteps)
    {
        var loader = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 1234, dropLast: true);
        long stepsPerEpoch = loader.Count;

        long step = 0;
        if (resume is not null)
        {
            _model.load(resume.WeightsPath);
            step = resume.GlobalStep;
        }

        // The epoch the checkpoint was written in.
        int epoch = (int)(step / stepsPerEpoch);

        while (step < totalSteps)
        {
            loader.SetEpoch(epoch); //! CMP004
            foreach (var batch in loader.IterateFrom(step % stepsPerEpoch))
            {
                _optimizer.zero_grad();
                using var logits = _model.forward(batch["x"]);
                using var loss = nn.functional.cross_entropy(logits, batch["y"]);
                loss.backward();
                _optimizer.step();

                if (++step % 500 == 0)
                {
                    Console.WriteLine($"step {step}: {loss.item<float>():F4}");
                    _model.save($"ckpt-{step}.bin");
                }
                if (step >= totalSteps) break;
            }
        }
    }
}
