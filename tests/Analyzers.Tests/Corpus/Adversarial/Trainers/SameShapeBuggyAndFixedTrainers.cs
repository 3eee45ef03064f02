// Scenario: one file holds the buggy Composer-style loop (sets loader.Sampler only) and the fixed one (BatchSampler first, then Sampler) over loaders they receive: only the first is a bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Port.Compare;

public static class Before
{
    public static void Fit(EpochDataLoader loader, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is DistributedSampler sampler) sampler.SetEpoch(epoch); //! CMP001
            foreach (var batch in loader)
                Step(model, optimizer, batch);
        }
    }

    internal static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
}

public static class After
{
    public static void Fit(EpochDataLoader loader, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.BatchSampler is ClassBalancedBatchSampler or BatchSampler)
                ((IEpochAware)loader.BatchSampler).SetEpoch(epoch);
            else if (loader.Sampler is DistributedSampler sampler)
                sampler.SetEpoch(epoch);
            foreach (var batch in loader)
                Before.Step(model, optimizer, batch);
        }
    }
}
