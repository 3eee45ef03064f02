// Scenario: a curriculum trainer keeps a fixed order during warm-up and reshuffles after it through `switch (loader.Sampler) { case IEpochAware s when epoch >= warmupEpochs: s.SetEpoch(epoch); break; … }` on a loader it receives: wrong (a loader with a batch sampler has a SequentialSampler there) - CMP001. The page: the new call goes before the test, "still guarded by the test's other conditions".
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.SwitchCaseWhenWarmupGuard;

public sealed class CurriculumTrainer(nn.Module<Tensor, Tensor> model, int warmupEpochs)
{
    private readonly optim.Optimizer _optimizer = optim.AdamW(model.parameters(), lr: 3e-4);

    public void Fit(EpochDataLoader loader, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (loader.Sampler)
            {
                case IEpochAware s when epoch >= warmupEpochs:
                    s.SetEpoch(epoch); //! CMP001
                    break;
                default:
                    Console.WriteLine($"epoch {epoch}: warm-up, easy examples in a fixed order");
                    break;
            }

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
        }
    }
}
