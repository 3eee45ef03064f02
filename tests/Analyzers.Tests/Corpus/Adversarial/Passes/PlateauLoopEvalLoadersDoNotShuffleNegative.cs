// Scenario: a while (!plateau) loop sets the train loader's epoch from its own scheduler object; the validation (DistributedSampler with shuffle: false), test (no shuffle), calibration (shuffle: isTrain) and TorchSharp hold-out (shuffle: false, seeded) loaders are read every pass without an epoch — right.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind10.PlateauLoopEvalLoadersDoNotShuffleNegative;

public sealed class PlateauTracker
{
    public int Epoch { get; private set; }
    public double Best { get; private set; } = double.MaxValue;
    public int Bad { get; private set; }
    public bool Plateaued => Bad >= 3;

    public void Report(double loss)
    {
        Epoch++;
        if (loss < Best - 1e-4) { Best = loss; Bad = 0; } else Bad++;
    }
}

public static class Program
{
    static InMemoryDataset Make(int n) =>
        new(new Dictionary<string, Tensor> { ["data"] = randn(n, 20), ["label"] = randint(0, 5, new long[] { n }) });

    public static void Main()
    {
        bool isTrain = false;
        using var trainSet = Make(10_000);
        using var valSet = Make(2_000);
        using var testSet = Make(2_000);
        using var calibSet = Make(500);
        using var holdoutSet = Make(800);

        using var train = new EpochDataLoader(trainSet, batchSize: 100, shuffle: true, seed: 4);
        using var val = new EpochDataLoader(valSet, batchSize: 500, sampler: new DistributedSampler(valSet.Count, numReplicas: 1, rank: 0, shuffle: false));
        using var test = new EpochDataLoader(testSet, batchSize: 500);
        using var calib = new EpochDataLoader(calibSet, batchSize: 100, shuffle: isTrain);
        using var holdout = new DataLoader(holdoutSet, 200, shuffle: false, seed: 4);

        var model = nn.Sequential(("fc1", nn.Linear(20, 40)), ("act", nn.ReLU()), ("fc2", nn.Linear(40, 5)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var tracker = new PlateauTracker();

        double Score(IEnumerable<Dictionary<string, Tensor>> batches)
        {
            using var _ = no_grad();
            return batches.Sum(b => nn.functional.cross_entropy(model.forward(b["data"]), b["label"]).item<float>());
        }

        while (!tracker.Plateaued)
        {
            train.SetEpoch(tracker.Epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            double valLoss = 0;
            foreach (var batch in val)
                valLoss += Score(new[] { batch });
            var calibLoss = calib.Sum(b => b["data"].shape[0]);
            var holdoutLoss = Score(holdout);
            Console.WriteLine($"epoch {tracker.Epoch}: val {valLoss:F3} holdout {holdoutLoss:F3} ({calibLoss} calibration samples)");
            tracker.Report(valLoss);
        }
        Console.WriteLine($"test loss {Score(test):F3}");
    }
}
