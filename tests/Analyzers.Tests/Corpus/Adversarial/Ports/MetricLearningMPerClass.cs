// Scenario: pytorch-metric-learning's MPerClassSampler recipe ported to the runtime's ClassBalancedBatchSampler (P classes × K samples per batch), a trainer with loader fields, batchSize left at 1 next to the batch sampler, and the whole loader's epoch set each epoch — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.MetricLearningMPerClass;

public sealed class MetricLearningTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _trunk;
    private readonly optim.Optimizer _optimizer;
    private readonly EpochDataLoader _trainLoader;
    private readonly EpochDataLoader _testLoader;
    private readonly double _margin;

    public MetricLearningTrainer(nn.Module<Tensor, Tensor> trunk, InMemoryDataset train, InMemoryDataset test,
        IReadOnlyList<long> trainLabels, int classesPerBatch = 8, int m = 4, double margin = 0.2, int seed = 0)
    {
        _trunk = trunk;
        _margin = margin;
        _optimizer = optim.Adam(trunk.parameters(), 1e-4);
        var pk = new ClassBalancedBatchSampler(trainLabels, classesPerBatch, m, seed: seed);
        _trainLoader = new EpochDataLoader(train, batchSize: 1, batchSampler: pk, workers: 2);
        _testLoader = new EpochDataLoader(test, batchSize: 256);
    }

    public void Train(int numEpochs)
    {
        for (int epoch = 1; epoch <= numEpochs; epoch++)
        {
            _trainLoader.SetEpoch(epoch - 1);
            _trunk.train();
            foreach (var (batch, batchIdx) in _trainLoader.Select((b, i) => (b, i)))
            {
                using var scope = NewDisposeScope();
                var embeddings = nn.functional.normalize(_trunk.call(batch["image"]), dim: 1);
                var loss = TripletMarginLoss(embeddings, batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                if (batchIdx % 100 == 0) Console.WriteLine($"Epoch {epoch} Iteration {batchIdx}: Loss = {loss.item<float>():F4}");
            }
            Console.WriteLine($"Epoch {epoch}: precision@1 = {Test():F4}");
        }
    }

    // Batch-hard triplet loss: hardest positive and hardest negative per anchor.
    private Tensor TripletMarginLoss(Tensor embeddings, Tensor labels)
    {
        var dist = cdist(embeddings, embeddings);
        var same = labels.unsqueeze(0).eq(labels.unsqueeze(1));
        var hardestPos = dist.masked_fill(same.logical_not(), 0).amax(new long[] { 1 });
        var hardestNeg = dist.masked_fill(same, 1e4).amin(new long[] { 1 });
        return nn.functional.relu(hardestPos - hardestNeg + _margin).mean();
    }

    private double Test()
    {
        _trunk.eval();
        using var noGrad = no_grad();
        var parts = _testLoader.Select(b => (Emb: nn.functional.normalize(_trunk.call(b["image"]), dim: 1), Label: b["label"])).ToList();
        var emb = cat(parts.Select(p => p.Emb).ToList());
        var labels = cat(parts.Select(p => p.Label).ToList());
        var dist = cdist(emb, emb) + eye(emb.shape[0]) * 1e4;
        return labels.index_select(0, dist.argmin(1)).eq(labels).to_type(ScalarType.Float32).mean().item<float>();
    }

    public void Dispose()
    {
        _trainLoader.Dispose();
        _testLoader.Dispose();
    }
}
