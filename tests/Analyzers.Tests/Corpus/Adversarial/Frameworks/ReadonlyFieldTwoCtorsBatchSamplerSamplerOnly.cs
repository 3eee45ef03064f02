// Scenario: a fitter's readonly loader field is set in one of two constructors — one chained with `: this(new EpochDataLoader(..., batchSampler: ...))`, one taking a loader from outside — and Fit sets only the Sampler's epoch (bug).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MetricLearning;

public sealed class EmbeddingFitter
{
    private readonly EpochDataLoader _train;
    private readonly Sequential _encoder;
    private readonly optim.Optimizer _optimizer;

    public EmbeddingFitter(InMemoryDataset ds, IReadOnlyList<long> labels)
        : this(new EpochDataLoader(ds, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 9)))
    {
    }

    public EmbeddingFitter(EpochDataLoader train)
    {
        _train = train;
        _encoder = nn.Sequential(("fc1", nn.Linear(128, 256)), ("bn", nn.BatchNorm1d(256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 64)));
        _optimizer = optim.Adam(_encoder.parameters(), lr: 1e-4);
    }

    public void Fit(int epochs, double margin = 0.2)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (_train.Sampler is IEpochAware sampler)
                sampler.SetEpoch(epoch); //! CMP001

            foreach (var batch in _train)
            {
                _optimizer.zero_grad();
                using var emb = nn.functional.normalize(_encoder.call(batch["data"]), p: 2, dim: 1);
                using var sim = emb.matmul(emb.t());
                using var same = batch["label"].unsqueeze(1).eq(batch["label"].unsqueeze(0));
                using var loss = (sim.masked_fill(same, 0.0) + margin).relu().mean() - sim.masked_fill(same.logical_not(), 0.0).mean();
                loss.backward();
                _optimizer.step();
            }
        }
    }
}
