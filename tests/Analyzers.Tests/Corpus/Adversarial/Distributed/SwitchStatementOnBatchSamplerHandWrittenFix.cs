// Scenario: a trainer receives its loader from outside and sets the epoch with a hand-written Composer-style fix written as a `switch` on loader.BatchSampler (case IEpochAware → batch sampler, default → sampler): correct, the batch sampler is handled.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ComposerPort;

public sealed class MiniTrainer(Sequential model, optim.Optimizer optimizer, EpochDataLoader trainLoader)
{
    public int MaxEpochs { get; init; } = 10;

    static void SetLoaderEpoch(EpochDataLoader loader, int epoch)
    {
        switch (loader.BatchSampler)
        {
            case IEpochAware batches:
                batches.SetEpoch(epoch);
                break;
            default:
                if (loader.Sampler is DistributedSampler distributed) distributed.SetEpoch(epoch);
                break;
        }
    }

    public void Fit()
    {
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        for (int epoch = 0; epoch < MaxEpochs; epoch++)
        {
            SetLoaderEpoch(trainLoader, epoch);
            long n = 0;
            foreach (var batch in trainLoader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                n++;
            }
            if (Dist.Rank == 0) Console.WriteLine($"[epoch {epoch}] {n} batches");
        }
    }
}
