// Scenario: a static extension method loader.PrepareEpoch(epoch) sets the epoch only on loader.Sampler, and a metric-learning job calls it on a loader built from a P×K ClassBalancedBatchSampler (wrong: with a batch sampler, Sampler is sequential and every epoch replays the same batches).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.ExtensionPrepareEpochSamplerOnly;

public static class LoaderExtensions
{
    /// <summary>Gets a loader ready for a new epoch: reshuffles it and resets its replay policy.</summary>
    public static void PrepareEpoch(this EpochDataLoader loader, int epoch)
    {
        if (loader.Sampler is IEpochAware aware)
            aware.SetEpoch(epoch); //! CMP001
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Warn;
    }

    public static long Batches(this EpochDataLoader loader) => loader.Count;
}

public sealed class MetricLearningJob
{
    private readonly nn.Module<Tensor, Tensor> _embedder;
    private readonly optim.Optimizer _optimizer;

    public MetricLearningJob(nn.Module<Tensor, Tensor> embedder)
    {
        _embedder = embedder;
        _optimizer = optim.Adam(embedder.parameters(), lr: 1e-4);
    }

    public void Run(InMemoryDataset data, IReadOnlyList<long> labels, int epochs)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 3);
        using var loader = new EpochDataLoader(data, batchSampler: pk);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.PrepareEpoch(epoch);
            double total = 0;
            foreach (var batch in loader)
            {
                _optimizer.zero_grad();
                var emb = nn.functional.normalize(_embedder.forward(batch["x"]), dim: 1);
                using var loss = ContrastiveLoss(emb, batch["y"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total / Math.Max(1, loader.Batches()):F4}");
        }
    }

    private static Tensor ContrastiveLoss(Tensor emb, Tensor labels)
    {
        var sim = emb.matmul(emb.t());
        var same = labels.unsqueeze(0).eq(labels.unsqueeze(1)).to_type(ScalarType.Float32);
        return nn.functional.binary_cross_entropy_with_logits(sim, same);
    }
}
