// Scenario: fastai-style Learner whose Fit hands the train loader to each callback's BeforeEpoch (an interface), and a ReshuffleCallback sets the epoch there — right; the valid loader does not shuffle.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.Callbacks;

public interface ILearnerCallback
{
    void BeforeEpoch(EpochDataLoader train, int epoch);
    void AfterBatch(int iter, double loss);
    void AfterEpoch(int epoch, double validLoss);
}

public sealed class ReshuffleCallback : ILearnerCallback
{
    public void BeforeEpoch(EpochDataLoader train, int epoch) => train.SetEpoch(epoch);
    public void AfterBatch(int iter, double loss) { }
    public void AfterEpoch(int epoch, double validLoss) { }
}

public sealed class Learner
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;
    private readonly List<ILearnerCallback> _callbacks;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;

    public Learner(InMemoryDataset trainSet, InMemoryDataset validSet, Func<Dictionary<string, Tensor>, Tensor> lossFn,
        IEnumerable<ILearnerCallback> callbacks)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 17);
        _valid = new EpochDataLoader(validSet, batchSize: 256);
        _callbacks = callbacks.ToList();
        _lossFn = lossFn;
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var cb in _callbacks) cb.BeforeEpoch(_train, epoch);

            int iter = 0;
            foreach (var batch in _train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
                foreach (var cb in _callbacks) cb.AfterBatch(iter++, loss.item<float>());
            }

            double total = 0;
            using (torch.no_grad())
            {
                foreach (var batch in _valid)
                {
                    using var loss = _lossFn(batch);
                    total += loss.item<float>();
                }
            }
            foreach (var cb in _callbacks) cb.AfterEpoch(epoch, total / Math.Max(1, _valid.Count));
        }
    }
}
