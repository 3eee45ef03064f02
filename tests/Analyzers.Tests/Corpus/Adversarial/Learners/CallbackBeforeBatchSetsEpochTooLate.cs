// Scenario: a Learner runs its callbacks' BeforeBatch inside the batch loop and a ShuffleCallback sets the epoch there on the first batch — wrong (one epoch late), but the setter runs in a callback the Learner calls through an abstract method: a documented limit of CMP005, and handing the loader on counts as handled for CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.LateCallback;

public abstract class Callback
{
    public abstract void BeforeBatch(EpochDataLoader train, int epoch, int iter);
    public abstract void AfterBatch(int iter, double loss);
}

public sealed class ShuffleCallback : Callback
{
    public override void BeforeBatch(EpochDataLoader train, int epoch, int iter)
    {
        if (iter == 0) train.SetEpoch(epoch);
    }

    public override void AfterBatch(int iter, double loss) { }
}

public sealed class Learner
{
    private readonly EpochDataLoader _train;
    private readonly Callback[] _callbacks;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;

    public Learner(InMemoryDataset data, Func<Dictionary<string, Tensor>, Tensor> lossFn, params Callback[] callbacks)
    {
        _train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 5);
        _lossFn = lossFn;
        _callbacks = callbacks;
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int iter = 0;
            foreach (var batch in _train)
            {
                foreach (var cb in _callbacks) cb.BeforeBatch(_train, epoch, iter);
                using var loss = _lossFn(batch);
                loss.backward();
                foreach (var cb in _callbacks) cb.AfterBatch(iter, loss.item<float>());
                iter++;
            }
        }
    }
}
