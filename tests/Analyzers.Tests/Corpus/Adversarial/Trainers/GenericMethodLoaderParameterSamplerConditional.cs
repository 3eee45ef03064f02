// Scenario: a generic Fit<T, TBatch> takes an EpochDataLoader<T, TBatch> it did not build and sets (loader.Sampler as IEpochAware)?.SetEpoch(epoch) each epoch: a bug, the loader may have a batch sampler.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Typed.Generic;

public static class GenericFit
{
    public static IReadOnlyList<double> Fit<T, TBatch>(
        EpochDataLoader<T, TBatch> loader,
        Func<TBatch, Tensor> computeLoss,
        optim.Optimizer optimizer,
        int epochs)
        where TBatch : class
    {
        var history = new List<double>(epochs);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

            double sum = 0;
            long count = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = computeLoss(batch);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                count++;
            }
            history.Add(count == 0 ? double.NaN : sum / count);
        }
        return history;
    }
}
