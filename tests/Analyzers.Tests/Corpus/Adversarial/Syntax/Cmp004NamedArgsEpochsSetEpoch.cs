// Scenario: `Epochs.SetEpoch(epoch: startEpoch, loader: train)` with named arguments in reverse order, passing the resume epoch (a parameter) on every pass (bug: CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004NamedArgsEpochsSetEpoch;

public sealed class ResumableFit
{
    public void Fit(EpochDataLoader train, nn.Module<Tensor, Tensor> model, optim.Optimizer opt, int startEpoch, int maxEpochs)
    {
        for (int epoch = startEpoch; epoch < maxEpochs; epoch++)
        {
            Epochs.SetEpoch(epoch: startEpoch, loader: train); //! CMP004
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
            Console.WriteLine($"finished epoch {epoch}/{maxEpochs}");
        }
    }
}
