// Scenario: the epoch is tracked as `long`, and the setter is given `checked((int)resumeEpoch)`, the resume point, instead of the loop variable (bug: CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004CheckedCastLongParameter;

public static class Loops
{
    public static void Train(EpochDataLoader loader, nn.Module<Tensor, Tensor> model, optim.Optimizer opt, long resumeEpoch, long epochs)
    {
        for (long epoch = resumeEpoch; epoch < epochs; epoch++)
        {
            loader.SetEpoch(checked((int)resumeEpoch)); //! CMP004
            foreach (var batch in loader)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
