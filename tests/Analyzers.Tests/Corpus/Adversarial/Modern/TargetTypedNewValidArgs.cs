// Scenario: loaders declared with target-typed `new(…)` and explicit arguments that only look conflicting — `batchSize: 1` and `dropLast: false` next to a batch sampler, `sampler: null` with `shuffle: false`, a sampler with `dropLast: true` — and every shuffling loader's epoch set in the loop; correct, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Retrieval;

public sealed class RetrievalTraining
{
    private readonly EpochDataLoader _pairs;
    private readonly EpochDataLoader _hardNegatives;
    private readonly EpochDataLoader _gallery;
    private readonly DistributedSampler _negativeShard;

    public RetrievalTraining(InMemoryDataset pairs, InMemoryDataset negatives, InMemoryDataset gallery, long[] labels)
    {
        // batchSize: 1 is the "unset" value PyTorch wants next to a batch sampler
        _pairs = new(pairs, batchSize: 1, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 32, samplesPerClass: 2, seed: 6), dropLast: false);
        _negativeShard = new(negatives.Count, seed: 6, dropLast: true);
        _hardNegatives = new(negatives, batchSize: 128, sampler: _negativeShard, dropLast: true);
        _gallery = new(gallery, batchSize: 1024, shuffle: false, sampler: null);
    }

    public void Fit(Module<Tensor, Tensor> encoder, int epochs)
    {
        var optimizer = optim.Adam(encoder.parameters(), lr: 1e-4);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            _pairs.SetEpoch(epoch);
            _negativeShard.SetEpoch(epoch);

            encoder.train();
            foreach (var (pair, negative) in _pairs.Zip(_hardNegatives))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var anchors = functional.normalize(encoder.call(pair["data"]), dim: 1);
                var others = functional.normalize(encoder.call(negative["data"]), dim: 1);
                var logits = anchors.matmul(cat([anchors, others], 0).t()) / 0.07;
                var targets = arange(anchors.shape[0], ScalarType.Int64).roll(1);
                functional.cross_entropy(logits, targets).backward();
                optimizer.step();
            }

            Console.WriteLine($"epoch {epoch}: gallery recall@1 {RecallAtOne(encoder):P1}");
        }
    }

    private double RecallAtOne(Module<Tensor, Tensor> encoder)
    {
        encoder.eval();
        using var noGrad = no_grad();
        var hits = 0L;
        var total = 0L;
        foreach (var batch in _gallery)
        {
            using var scope = NewDisposeScope();
            var emb = functional.normalize(encoder.call(batch["data"]), dim: 1);
            var sim = emb.matmul(emb.t()) - 2 * eye(emb.shape[0]); // never match yourself
            var nearest = sim.argmax(1);
            hits += batch["label"][nearest].eq(batch["label"]).sum().item<long>();
            total += emb.shape[0];
        }
        return (double)hits / Math.Max(total, 1);
    }
}
