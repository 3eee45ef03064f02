// Scenario: a learning-rate finder run once before a long job reads at most 100 batches of a shuffling EpochDataLoader in one foreach over loader.Take(100), with no loop around it and no SetEpoch; a single pass is not an epoch loop (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Sanity;

public sealed class LearningRateFinder
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly Loss<Tensor, Tensor, Tensor> _criterion;

    public LearningRateFinder(nn.Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion)
    {
        _model = model;
        _criterion = criterion;
    }

    /// <summary>Exponentially increases the learning rate over one partial epoch and returns (lr, loss) pairs.</summary>
    public List<(double Lr, double Loss)> Sweep(EpochDataLoader loader, double startLr = 1e-6, double endLr = 10, int maxSteps = 100)
    {
        var optimizer = optim.SGD(_model.parameters(), startLr);
        double gamma = Math.Pow(endLr / startLr, 1.0 / (maxSteps - 1));
        double lr = startLr, best = double.MaxValue;
        var history = new List<(double, double)>();

        _model.train();
        foreach (var batch in loader.Take(maxSteps))
        {
            using var scope = NewDisposeScope();
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            optimizer.zero_grad();
            var loss = _criterion.forward(_model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();

            double value = loss.item<float>();
            history.Add((lr, value));
            best = Math.Min(best, value);
            if (double.IsNaN(value) || value > 4 * best) break; // diverged: stop early
            lr *= gamma;
        }
        return history;
    }
}

public static class BeforeTheLongRun
{
    public static void Main()
    {
        using var data = new FashionMnist(train: true);
        using var loader = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 2024);
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("act", nn.ReLU()), ("fc2", nn.Linear(256, 10)));

        var finder = new LearningRateFinder(model, nn.CrossEntropyLoss());
        var history = finder.Sweep(loader);

        var steepest = history.Zip(history.Skip(1), (a, b) => (a.Lr, Drop: a.Loss - b.Loss)).MaxBy(p => p.Drop);
        Console.WriteLine($"{history.Count} steps; steepest drop at lr {steepest.Lr:G3}; suggested lr {steepest.Lr / 10:G3}");
    }
}
