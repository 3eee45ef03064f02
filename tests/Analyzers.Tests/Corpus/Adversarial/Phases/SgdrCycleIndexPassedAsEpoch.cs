// Scenario: SGDR warm restarts (cycle × epoch, period doubling); the user reseeds the sampler with the cycle number, so every epoch inside a cycle replays one order: wrong (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Restarts;

public sealed class SgdrRunner
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly double _lrMax;
    private readonly double _lrMin;

    public SgdrRunner(nn.Module<Tensor, Tensor> model, double lrMax = 0.05, double lrMin = 1e-4)
    {
        _model = model;
        _lrMax = lrMax;
        _lrMin = lrMin;
        _optimizer = optim.SGD(model.parameters(), lrMax, momentum: 0.9, nesterov: true);
    }

    public void Fit(InMemoryDataset data, int cycles, int firstPeriod, int periodMult, string checkpointDir)
    {
        var sampler = new RandomSampler(data.Count, seed: 13);
        using var loader = new EpochDataLoader(data, batchSize: 128, sampler: sampler);
        int period = firstPeriod;

        for (int cycle = 0; cycle < cycles; cycle++)
        {
            try
            {
                for (int t = 0; t < period; t++)
                {
                    sampler.SetEpoch(cycle); //! CMP004
                    long step = 0;
                    foreach (var batch in loader)
                    {
                        double progress = (t + (double)step / loader.Count) / period;
                        SetLearningRate(_lrMin + 0.5 * (_lrMax - _lrMin) * (1 + Math.Cos(Math.PI * progress)));
                        _optimizer.zero_grad();
                        using var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                        loss.backward();
                        _optimizer.step();
                        step++;
                    }
                }
            }
            finally
            {
                // snapshot at the end of each cycle (snapshot ensembles), even when a cycle fails
                Directory.CreateDirectory(checkpointDir);
                _model.save(Path.Combine(checkpointDir, $"snapshot-{cycle}.bin"));
            }
            period *= periodMult;
        }
    }

    private void SetLearningRate(double lr)
    {
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = lr;
    }
}
