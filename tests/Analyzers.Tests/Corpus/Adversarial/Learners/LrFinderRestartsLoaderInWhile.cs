// Scenario: an LR finder that cycles through the shuffling train loader in a while (step < numIter) loop until it has enough steps, never setting the epoch — wrong: every restart replays the same order (the while is an epoch loop: CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.LrFinderCycle;

public sealed class LrFinder
{
    private readonly EpochDataLoader _train;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;
    private readonly Action<double> _setLr;

    public LrFinder(InMemoryDataset smallSet, Func<Dictionary<string, Tensor>, Tensor> lossFn, Action<double> setLr)
    {
        _train = new EpochDataLoader(smallSet, batchSize: 16, shuffle: true, seed: 1);
        _lossFn = lossFn;
        _setLr = setLr;
    }

    public IReadOnlyList<(double Lr, double Loss)> Run(double startLr, double endLr, int numIter)
    {
        var results = new List<(double, double)>();
        double smooth = 0;
        int step = 0;
        while (step < numIter)
        {
            foreach (var batch in _train) //! CMP002
            {
                double lr = startLr * Math.Pow(endLr / startLr, (double)step / numIter);
                _setLr(lr);
                using var loss = _lossFn(batch);
                loss.backward();
                smooth = step == 0 ? loss.item<float>() : 0.98 * smooth + 0.02 * loss.item<float>();
                results.Add((lr, smooth));
                if (++step >= numIter) break;
            }
        }
        return results;
    }
}
