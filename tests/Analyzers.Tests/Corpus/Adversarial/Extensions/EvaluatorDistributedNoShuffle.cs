// Scenario: an evaluator callback plus a checkpoint sweep that iterate an evaluation loader built on DistributedSampler(shuffle: false) in a loop - correct, no finding (order does not depend on the epoch).
using Composer.Data;
using Composer.Distributed;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.ShardedEval;

public sealed class ShardedEvaluator : Callback
{
    private readonly EpochDataLoader _eval;
    private readonly ComposerModel _model;

    public ShardedEvaluator(InMemoryDataset test, ComposerModel model)
    {
        _model = model;
        _eval = new EpochDataLoader(test, batchSize: 256,
            sampler: new DistributedSampler(test.Count, Dist.WorldSize, Dist.Rank, shuffle: false));
    }

    public override void EpochEnd(State state, Logger logger) =>
        logger.LogMetrics(new Dictionary<string, double> { ["metrics/eval/loss"] = MeanLoss() });

    public List<double> Sweep(IReadOnlyList<string> checkpoints)
    {
        var losses = new List<double>();
        for (int i = 0; i < checkpoints.Count; i++)
        {
            _model.load(checkpoints[i]);
            double sum = 0;
            long n = 0;
            foreach (var batch in _eval)
            {
                using var scope = NewDisposeScope();
                sum += _model.Loss(_model.Forward(batch), batch).item<float>();
                n++;
            }
            losses.Add(n == 0 ? double.NaN : sum / n);
        }
        return losses;
    }

    private double MeanLoss()
    {
        using var noGrad = no_grad();
        double sum = 0;
        long n = 0;
        foreach (var batch in _eval)
        {
            sum += _model.Loss(_model.Forward(batch), batch).item<float>();
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }
}
