// Scenario: electricity-load forecasting with sliding windows and walk-forward validation: for each origin the user trains on the windows before it through TorchSharp's DataLoader with an epoch-aware RandomSampler as shuffler (seeded per fold) and sets that sampler's epoch every epoch; the validation horizon is read in order (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Domains.TimeSeriesWalkForward;

/// <summary>Windows [t - lookback, t) of a univariate series, each predicting the next `horizon` values.</summary>
public sealed class LoadWindowDataset : torch.utils.data.Dataset
{
    private readonly float[] _series;
    private readonly int _lookback, _horizon, _first, _count;

    public LoadWindowDataset(float[] series, int lookback, int horizon, int firstTarget, int lastTargetExclusive)
    {
        _series = series;
        _lookback = lookback;
        _horizon = horizon;
        _first = Math.Max(firstTarget, lookback);
        _count = Math.Max(0, lastTargetExclusive - horizon + 1 - _first);
    }

    public override long Count => _count;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        int t = _first + (int)index;
        return new Dictionary<string, Tensor>
        {
            ["history"] = torch.tensor(_series.AsSpan(t - _lookback, _lookback).ToArray()),
            ["target"] = torch.tensor(_series.AsSpan(t, _horizon).ToArray()),
        };
    }
}

public static class WalkForwardBacktest
{
    public static IReadOnlyList<double> Run(float[] hourlyLoad, int lookback = 168, int horizon = 24, int folds = 5, int epochs = 15)
    {
        int foldSize = horizon * 28;
        int firstOrigin = hourlyLoad.Length - folds * foldSize;
        var maes = new List<double>();

        for (int fold = 0; fold < folds; fold++)
        {
            int origin = firstOrigin + fold * foldSize;
            var trainSet = new LoadWindowDataset(hourlyLoad, lookback, horizon, 0, origin);
            var validSet = new LoadWindowDataset(hourlyLoad, lookback, horizon, origin, origin + foldSize);

            var shuffler = new RandomSampler(trainSet.Count, seed: 7 + fold);
            using var train = new DataLoader(trainSet, 128, shuffler, disposeDataset: false);
            using var valid = new DataLoader(validSet, 512, shuffle: false, disposeDataset: false);

            var model = nn.Sequential(nn.Linear(lookback, 256), nn.ReLU(), nn.Linear(256, horizon));
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                shuffler.SetEpoch(epoch);
                model.train();
                foreach (var batch in train)
                {
                    using var scope = torch.NewDisposeScope();
                    var loss = nn.functional.l1_loss(model.call(batch["history"]), batch["target"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }

            model.eval();
            double absError = 0;
            long n = 0;
            using (torch.no_grad())
            {
                foreach (var batch in valid)
                {
                    using var scope = torch.NewDisposeScope();
                    var error = (model.call(batch["history"]) - batch["target"]).abs();
                    absError += error.sum().item<float>();
                    n += error.numel();
                }
            }
            maes.Add(absError / n);
            Console.WriteLine($"origin {origin}: MAE {absError / n:F2} MW");
            trainSet.Dispose();
            validSet.Dispose();
        }
        return maes;
    }
}
