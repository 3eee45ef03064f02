// Scenario: an experiment class whose Run loop calls BeginEpoch (which sets the shuffling train loader field's epoch) and RunEpoch (which iterates it), evaluating a non-shuffled DistributedSampler loader every k epochs — right
using System.Diagnostics;
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Experiments;

public sealed class SmallCnnExperiment
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _opt;
    private readonly Stopwatch _clock = new();
    private readonly int _evalEvery;

    public SmallCnnExperiment(FashionMnist trainSet, FashionMnist testSet, int seed, int evalEvery)
    {
        Reproducibility.SeedAll(seed);
        _train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: seed, prefetch: true);
        _eval = new EpochDataLoader(testSet, batchSize: 512, sampler: new DistributedSampler(testSet.Count, shuffle: false));
        _model = Sequential(
            ("conv1", Conv2d(1, 16, 3, padding: 1)), ("relu1", ReLU()), ("pool1", MaxPool2d(2)),
            ("conv2", Conv2d(16, 32, 3, padding: 1)), ("relu2", ReLU()), ("pool2", MaxPool2d(2)),
            ("flat", Flatten()), ("fc", Linear(32 * 7 * 7, 10)));
        _opt = optim.Adam(_model.parameters(), lr: 1e-3);
        _evalEvery = evalEvery;
    }

    public void Run(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(epoch);
            double loss = RunEpoch();
            Console.WriteLine($"epoch {epoch}: train loss {loss:F4} ({_clock.Elapsed.TotalSeconds:F1}s)");

            if (epoch % _evalEvery == _evalEvery - 1)
                Console.WriteLine($"  eval acc {Evaluate():P2}");
        }
    }

    private void BeginEpoch(int epoch)
    {
        _clock.Restart();
        _train.SetEpoch(epoch);
        _model.train();
    }

    private double RunEpoch()
    {
        double total = 0;
        long steps = 0;
        foreach (var batch in _train)
        {
            using var scope = NewDisposeScope();
            var loss = functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
            _opt.zero_grad();
            loss.backward();
            _opt.step();
            total += loss.item<float>();
            steps++;
        }
        return total / steps;
    }

    private double Evaluate()
    {
        _model.eval();
        long correct = 0, seen = 0;
        using (no_grad())
        {
            foreach (var batch in _eval)
            {
                using var scope = NewDisposeScope();
                correct += _model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                seen += batch["label"].shape[0];
            }
        }
        return correct / (double)seen;
    }

    public static void Main()
    {
        using var trainSet = new FashionMnist(train: true);
        using var testSet = new FashionMnist(train: false);
        new SmallCnnExperiment(trainSet, testSet, seed: 3, evalEvery: 4).Run(epochs: 20);
    }
}
