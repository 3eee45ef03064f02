// Scenario: a metric-learning run whose loader draws from a P×K `ClassBalancedBatchSampler` wraps each epoch's batches in a retry loop (`try { …; break; } catch (IOException) { }`) and, inside the retry loop, sets only `train.Sampler` (`(train.Sampler as IEpochAware)?.SetEpoch(epoch)`), the Composer bug. Nothing in the epoch loop handles the batch sampler. Wrong: CMP001 at the setter (the loader draws from a batch sampler of the user's); `train`'s iteration is handled for CMP002 by the sampler setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.RetryLoopSetsSamplerOnly;

public static class TripletTraining
{
    public static void Train(Module<Tensor, Tensor> embedder, InMemoryDataset faces, IReadOnlyList<long> identities, int epochs)
    {
        var pk = new ClassBalancedBatchSampler(identities, classesPerBatch: 16, samplesPerClass: 4, seed: 23);
        using var train = new EpochDataLoader(faces, batchSampler: pk);
        var optimizer = optim.Adam(embedder.parameters(), lr: 1e-4);
        var tripletLoss = TripletMarginLoss(margin: 0.2);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int attempt = 0; attempt < 3; attempt++)
            {
                (train.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
                try
                {
                    embedder.train();
                    foreach (var batch in train)
                    {
                        using var scope = NewDisposeScope();
                        optimizer.zero_grad();
                        var e = functional.normalize(embedder.call(batch["image"]), dim: 1);
                        var (anchor, positive, negative) = (e[TensorIndex.Slice(0, null, 3)], e[TensorIndex.Slice(1, null, 3)], e[TensorIndex.Slice(2, null, 3)]);
                        long n = Math.Min(anchor.shape[0], Math.Min(positive.shape[0], negative.shape[0]));
                        var loss = tripletLoss.call(anchor[TensorIndex.Slice(0, n)], positive[TensorIndex.Slice(0, n)], negative[TensorIndex.Slice(0, n)]);
                        loss.backward();
                        optimizer.step();
                    }
                    break;
                }
                catch (IOException ex)
                {
                    Console.Error.WriteLine($"epoch {epoch} attempt {attempt}: {ex.Message}");
                }
            }
        }
    }
}
