// Scenario: a learning-rate range test sweeps the loader several times through a stored enumerator and sets the epoch of the DistributedSampler the loader was built from on the first MoveNext of each sweep, inside the while loop, so each sweep uses the previous sweep's order (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Sanity;

public sealed record LrPoint(double LearningRate, double Loss);

public static class LrRangeTest
{
    public static List<LrPoint> Run(InMemoryDataset data, Func<nn.Module<Tensor, Tensor>> makeModel,
        double minLr = 1e-5, double maxLr = 1.0, int steps = 200)
    {
        var shard = new DistributedSampler(data.Count, seed: 3);
        using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64, dropLast: true));

        var model = makeModel();
        var optimizer = optim.SGD(model.parameters(), minLr, momentum: 0.9);
        using var criterion = nn.CrossEntropyLoss();
        double factor = Math.Pow(maxLr / minLr, 1.0 / steps);

        var points = new List<LrPoint>();
        double lr = minLr, smoothed = 0;
        int sweep = 0, step = 0;
        while (lr < maxLr)
        {
            using var it = loader.GetEnumerator();
            bool first = true;
            while (it.MoveNext())
            {
                if (first) { shard.SetEpoch(sweep); first = false; } //! CMP005
                if (lr >= maxLr) break;

                using var scope = NewDisposeScope();
                foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(it.Current["data"]), it.Current["label"]);
                loss.backward();
                optimizer.step();

                double value = loss.item<float>();
                smoothed = step == 0 ? value : 0.98 * smoothed + 0.02 * value;
                points.Add(new LrPoint(lr, smoothed / (1 - Math.Pow(0.98, step + 1))));
                if (step > 10 && value > 4 * points.Min(p => p.Loss)) return points; // diverged
                lr *= factor;
                step++;
            }
            sweep++;
        }
        return points;
    }

    public static void Main()
    {
        using var data = new FashionMnist(train: true);
        var points = Run(data, () => nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(28 * 28, 10))));
        var best = points.OrderBy(p => p.Loss).First();
        Console.WriteLine($"{points.Count} points; lowest loss {best.Loss:F3} at lr {best.LearningRate:G3}");
    }
}
