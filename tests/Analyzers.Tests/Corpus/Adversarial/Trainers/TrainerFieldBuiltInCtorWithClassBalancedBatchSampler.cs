// Scenario: a metric-learning trainer builds its loader in the constructor from a P x K class-balanced batch sampler, then sets the epoch through (Sampler as IEpochAware)?.: a bug, that sampler is sequential and the batches repeat.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MetricLearning;

public sealed class EmbeddingTrainer
{
    readonly EpochDataLoader _train;
    readonly Sequential _embedder;
    readonly TripletMarginLoss _criterion = nn.TripletMarginLoss(margin: 0.2);
    readonly optim.Optimizer _optimizer;

    public EmbeddingTrainer(InMemoryDataset images, int classesPerBatch = 16, int samplesPerClass = 4)
    {
        IReadOnlyList<long> labels = images.Columns["label"].data<long>().ToArray();
        _train = new EpochDataLoader(images, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch, samplesPerClass, seed: 3));
        _embedder = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 512)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(512, 64)));
        _optimizer = optim.AdamW(_embedder.parameters(), lr: 3e-4);
    }

    public void Train(int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            (_train.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var embeddings = nn.functional.normalize(_embedder.forward(batch["data"]), dim: 1);
                var (anchor, positive, negative) = MineTriplets(embeddings, batch["label"]);
                var loss = _criterion.forward(anchor, positive, negative);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
        }
    }

    static (Tensor, Tensor, Tensor) MineTriplets(Tensor embeddings, Tensor labels)
    {
        var distances = cdist(embeddings, embeddings);
        var same = labels.unsqueeze(1).eq(labels.unsqueeze(0));
        var hardestPositive = distances.masked_fill(same.logical_not(), -1).argmax(1);
        var hardestNegative = distances.masked_fill(same, float.MaxValue).argmin(1);
        return (embeddings, embeddings.index_select(0, hardestPositive), embeddings.index_select(0, hardestNegative));
    }
}
