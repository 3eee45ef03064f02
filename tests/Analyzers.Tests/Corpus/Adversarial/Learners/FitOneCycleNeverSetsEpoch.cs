// Scenario: a Learner's FitOneCycle(epochs, maxLr) computes a one-cycle learning rate per step over a shuffling EpochDataLoader but never sets its epoch — wrong (CMP002 on the LINQ iteration).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.OneCycle;

public sealed class Learner
{
    private readonly EpochDataLoader _train;
    private readonly Func<Dictionary<string, Tensor>, Tensor> _lossFn;
    private readonly Action<double> _setLr;
    private readonly Action _step;

    public Learner(InMemoryDataset data, Func<Dictionary<string, Tensor>, Tensor> lossFn, Action<double> setLr, Action step)
    {
        _train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 31, dropLast: true);
        _lossFn = lossFn;
        _setLr = setLr;
        _step = step;
    }

    private static double OneCycle(long step, long total, double maxLr, double pctStart = 0.25)
    {
        double warm = total * pctStart;
        if (step < warm) return maxLr * (0.04 + 0.96 * step / warm);
        double t = (step - warm) / Math.Max(1.0, total - warm);
        return maxLr * 0.5 * (1 + Math.Cos(Math.PI * t));
    }

    public void FitOneCycle(int epochs, double maxLr)
    {
        long total = epochs * _train.Count;
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (batch, i) in _train.Select((b, i) => (b, i))) //! CMP002
            {
                _setLr(OneCycle(step++, total, maxLr));
                using var loss = _lossFn(batch);
                loss.backward();
                _step();
                if (i % 50 == 0) Console.WriteLine($"epoch {epoch} batch {i}: {loss.item<float>():F4}");
            }
        }
    }
}
