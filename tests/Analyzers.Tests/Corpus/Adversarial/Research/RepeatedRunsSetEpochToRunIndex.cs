// Scenario: repeated runs for error bars share one shuffling loader; the user passes the run index to Epochs.SetEpoch inside the epoch loop, so each run reuses one order for all its epochs — wrong (CMP004)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Variance;

public static class RepeatedRuns
{
    public static void Main()
    {
        const int runs = 8;
        const int epochs = 15;

        using var trainSet = new FashionMnist(train: true);
        using var testSet = new FashionMnist(train: false);
        var train = new EpochDataLoader(trainSet, batchSize: 100, shuffle: true, seed: 99, workers: 2);
        var test = new EpochDataLoader(testSet, batchSize: 1000);

        var finalAcc = new double[runs];
        for (int run = 0; run < runs; run++)
        {
            Reproducibility.SeedAll(run);
            var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 128)), ("relu", ReLU()), ("fc2", Linear(128, 10)));
            var opt = optim.RMSProp(model.parameters(), lr: 1e-3);

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                // different shuffle for every run
                Epochs.SetEpoch(train, run); //! CMP004
                model.train();
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    opt.zero_grad();
                    loss.backward();
                    opt.step();
                }
            }

            model.eval();
            long correct = 0;
            using (no_grad())
                foreach (var batch in test)
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            finalAcc[run] = correct / (double)testSet.Count;
            Console.WriteLine($"run {run}: {finalAcc[run]:P2}");
        }

        double mean = finalAcc.Average();
        double sem = Math.Sqrt(finalAcc.Sum(a => (a - mean) * (a - mean)) / (runs - 1)) / Math.Sqrt(runs);
        Console.WriteLine($"accuracy {mean:P2} ± {1.96 * sem:P2} (95% CI, n={runs})");
    }
}
