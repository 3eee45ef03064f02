// Scenario: a Learner's LrFind() walks the shuffling train loader once (Take(numIter), no epoch loop) with an exponentially growing learning rate, and Fit sets the epoch every epoch — right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.LrFinder;

public sealed class Learner
{
    private readonly EpochDataLoader _train;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;
    private readonly Action<double> _setLr;
    private readonly Action _step;

    public Learner(InMemoryDataset data, Func<Dictionary<string, Tensor>, Tensor> lossFn, Action<double> setLr, Action step)
    {
        _train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 7);
        _lossFn = lossFn;
        _setLr = setLr;
        _step = step;
    }

    public double LrFind(double startLr = 1e-7, double endLr = 10, int numIter = 100)
    {
        var lrs = new List<double>();
        var losses = new List<double>();
        double mult = Math.Pow(endLr / startLr, 1.0 / numIter);
        double lr = startLr;
        foreach (var batch in _train.Take(numIter))
        {
            _setLr(lr);
            using var loss = _lossFn(batch);
            loss.backward();
            _step();
            lrs.Add(lr);
            losses.Add(loss.item<float>());
            if (losses[^1] > 4 * losses.Min()) break;
            lr *= mult;
        }
        int best = losses.IndexOf(losses.Min());
        return lrs[best] / 10;
    }

    public void Fit(int epochs, double lr)
    {
        _setLr(lr);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _train.SetEpoch(epoch);
            foreach (var batch in _train)
            {
                using var loss = _lossFn(batch);
                loss.backward();
                _step();
            }
        }
    }
}
