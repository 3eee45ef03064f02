// Scenario: k-fold cross-validation; each fold rebuilds its loader over the fold's rows and resets the user's LR schedule with SetEpoch(0) in the fold loop, outside the epoch loop; inside, the loader and the schedule get the epoch, and each fold is scored by a helper method — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.CrossValidation;

public sealed class ExponentialSchedule(optim.Optimizer optimizer, double baseLr, double gamma)
{
    public double Lr { get; private set; } = baseLr;

    public void SetEpoch(int epoch)
    {
        Lr = baseLr * Math.Pow(gamma, epoch);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = Lr;
    }
}

public static class Folds
{
    public static IEnumerable<(long[] Train, long[] Validation)> Split(long rows, int k, int seed)
    {
        var order = Enumerable.Range(0, (int)rows).Select(i => (long)i).ToArray();
        new Random(seed).Shuffle(order);
        for (int fold = 0; fold < k; fold++)
        {
            var validation = order.Where((_, i) => i % k == fold).ToArray();
            var train = order.Where((_, i) => i % k != fold).ToArray();
            yield return (train, validation);
        }
    }

    public static InMemoryDataset Subset(InMemoryDataset data, long[] rows)
    {
        var index = torch.tensor(rows);
        var columns = new Dictionary<string, Tensor>();
        foreach (var (name, column) in data.Columns) columns[name] = column.index_select(0, index);
        return new InMemoryDataset(columns);
    }

    public static (double Mean, double Std) Summarise(IReadOnlyList<double> scores)
    {
        var mean = scores.Average();
        double variance = 0;
        foreach (var s in scores) variance += (s - mean) * (s - mean);
        return (mean, Math.Sqrt(variance / Math.Max(1, scores.Count - 1)));
    }
}

public static class CrossValidation
{
    public static double Score(nn.Module<Tensor, Tensor> model, EpochDataLoader validation)
    {
        using var _ = torch.no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in validation)
        {
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return correct / (double)Math.Max(1, seen);
    }

    public static void Run(InMemoryDataset data, int k, int epochs)
    {
        var scores = new List<double>();
        int fold = 0;
        foreach (var (trainRows, validationRows) in Folds.Split(data.Count, k, seed: 2024))
        {
            var trainSet = Folds.Subset(data, trainRows);
            var loader = new EpochDataLoader(trainSet, batchSize: 32,
                sampler: new DistributedSampler(trainSet.Count, numReplicas: 1, rank: 0, seed: 100 + fold));
            var validation = new EpochDataLoader(Folds.Subset(data, validationRows), batchSize: 256);

            var model = nn.Sequential(("fc1", nn.Linear(8, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 3)));
            var optimizer = optim.SGD(model.parameters(), 0.05);
            var schedule = new ExponentialSchedule(optimizer, 0.05, gamma: 0.8);
            schedule.SetEpoch(0);

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                loader.SetEpoch(epoch);
                schedule.SetEpoch(epoch);
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }

            var score = Score(model, validation);
            scores.Add(score);
            Console.WriteLine($"fold {fold}: accuracy {score:P1} (last lr {schedule.Lr:E2})");
            fold++;
        }

        var (mean, std) = Folds.Summarise(scores);
        Console.WriteLine($"{k}-fold accuracy {mean:P1} ± {std:P1}");
        foreach (var (s, i) in scores.Select((s, i) => (s, i)).OrderByDescending(p => p.s))
            Console.WriteLine($"  fold {i}: {s:P2}");
    }
}
