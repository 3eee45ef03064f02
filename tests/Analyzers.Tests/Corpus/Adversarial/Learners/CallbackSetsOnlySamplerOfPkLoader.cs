// Scenario: a metric-learning Learner builds its train loader from a P×K ClassBalancedBatchSampler and a SamplerEpochCallback sets the epoch on loader.Sampler only — wrong: the order comes from the batch sampler, so the call reaches a SequentialSampler (CMP001 in the callback; the Learner's loop counts as handled).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.Metric;

public sealed class SamplerEpochCallback
{
    public int Calls { get; private set; }

    public void BeforeEpoch(EpochDataLoader dl, int epoch)
    {
        if (dl.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
        Calls++;
    }

    public void AfterEpoch(int epoch, double loss) => Console.WriteLine($"epoch {epoch}: {loss:F4}");
}

public sealed class MetricLearner
{
    private readonly EpochDataLoader _train;
    private readonly SamplerEpochCallback _callback = new();
    private readonly Func<Dictionary<string, Tensor>, Tensor> _tripletLoss;

    public MetricLearner(InMemoryDataset data, IReadOnlyList<long> labels, Func<Dictionary<string, Tensor>, Tensor> tripletLoss)
    {
        _train = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 11));
        _tripletLoss = tripletLoss;
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _callback.BeforeEpoch(_train, epoch);
            double sum = 0;
            foreach (var batch in _train)
            {
                using var loss = _tripletLoss(batch);
                loss.backward();
                sum += loss.item<float>();
            }
            _callback.AfterEpoch(epoch, sum / Math.Max(1, _train.Count));
        }
    }
}
