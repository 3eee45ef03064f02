// Scenario: step-budgeted training derives the epoch from the step, but from the resume step read once before the loop instead of the running step, so the same epoch is set on every pass — wrong (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Adatum.Llm.Finetune;

public sealed class StepBudgetRunner
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly optim.lr_scheduler.LRScheduler _schedule;

    public StepBudgetRunner(nn.Module<Tensor, Tensor> model, long maxSteps)
    {
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), lr: 5e-4, weight_decay: 0.01);
        _schedule = optim.lr_scheduler.CosineAnnealingLR(_optimizer, T_max: maxSteps);
    }

    public long Run(InMemoryDataset corpus, long resumeStep, long maxSteps, CancellationToken ct)
    {
        using var train = new EpochDataLoader(corpus, batchSize: 16, shuffle: true, dropLast: true, seed: 31337);
        var lossFn = nn.CrossEntropyLoss();
        long stepsPerEpoch = train.Count;
        long step = resumeStep;

        while (step < maxSteps && !ct.IsCancellationRequested)
        {
            train.SetEpoch((int)(resumeStep / stepsPerEpoch)); //! CMP004

            foreach (var batch in train.IterateFrom(step % stepsPerEpoch))
            {
                using var scope = torch.NewDisposeScope();
                _optimizer.zero_grad();
                var logits = _model.call(batch["tokens"]);
                var loss = lossFn.call(logits, batch["next"]);
                loss.backward();
                _optimizer.step();
                _schedule.step();

                step++;
                if (step % 200 == 0)
                    Console.WriteLine($"step {step}/{maxSteps} epoch {step / stepsPerEpoch} loss {loss.item<float>():F3}");
                if (step >= maxSteps || ct.IsCancellationRequested) break;
            }
        }

        return step;
    }
}
