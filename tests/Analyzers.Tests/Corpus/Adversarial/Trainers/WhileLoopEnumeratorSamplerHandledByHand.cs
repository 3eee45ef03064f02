// Scenario: a while loop over epochs pulls batches with GetEnumerator()/MoveNext() from a loader it received and handles BatchSampler first, Sampler otherwise, by hand: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Enumerators;

public sealed class ManualLoop
{
    public int Epoch { get; private set; }

    public void Train(EpochDataLoader loader, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int maxEpochs, long maxBatches)
    {
        long seenBatches = 0;
        int epoch = Epoch;
        while (epoch < maxEpochs && seenBatches < maxBatches)
        {
            if (loader.BatchSampler is IEpochAware batchSampler) batchSampler.SetEpoch(epoch);
            else if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);

            using (var batches = loader.GetEnumerator())
            {
                while (seenBatches < maxBatches && batches.MoveNext())
                {
                    using var scope = NewDisposeScope();
                    var batch = batches.Current;
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    seenBatches++;
                }
            }
            epoch++;
            Epoch = epoch;
        }
    }
}
