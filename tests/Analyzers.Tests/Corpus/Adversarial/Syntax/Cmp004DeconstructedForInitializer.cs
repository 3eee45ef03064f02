// Scenario: the epoch loop declares two counters by deconstruction, `for (var (epoch, step) = (start, 0L); epoch < epochs; epoch++)`, and passes `epoch` to the setter; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004DeconstructedForInitializer;

public static class Loop
{
    public static long Train(EpochDataLoader loader, nn.Module<Tensor, Tensor> model, optim.Optimizer opt, int start, int epochs)
    {
        long total = 0;
        for (var (epoch, step) = (start, 0L); epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                step++;
            }
            total += step;
        }
        return total;
    }
}
