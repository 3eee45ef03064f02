// Scenario: a training helper receives an EpochDataLoader parameter (construction not in view) and sets the epoch through a local alias of loader.Sampler with ?.: the Composer bug, the batch sampler may be custom.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Helpers;

public static class TrainingHelpers
{
    public static IReadOnlyList<double> TrainLoop(
        nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader, int epochs)
    {
        var history = new List<double>(epochs);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var sampler = loader.Sampler as IEpochAware;
            sampler?.SetEpoch(epoch); //! CMP001

            double total = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var output = model.forward(batch["data"]);
                using var loss = nn.functional.cross_entropy(output, batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            history.Add(total / Math.Max(1, loader.Count));
        }
        return history;
    }
}
