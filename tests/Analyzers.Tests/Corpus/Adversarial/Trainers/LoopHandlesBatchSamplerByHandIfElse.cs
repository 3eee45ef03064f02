// Scenario: a fit function receives a loader it did not build and, in the epoch loop, sets the batch sampler's epoch when it is epoch-aware and the sampler's otherwise (written by hand): correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Trainers.Generic;

public static class Fitter
{
    public static void Fit(EpochDataLoader loader, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int epochs, Action<int, double>? report = null)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.BatchSampler is IEpochAware batchSampler)
            {
                batchSampler.SetEpoch(epoch);
            }
            else if (loader.Sampler is IEpochAware sampler)
            {
                sampler.SetEpoch(epoch);
            }

            double sum = 0;
            int n = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                n++;
            }
            report?.Invoke(epoch, n == 0 ? double.NaN : sum / n);
        }
    }
}
