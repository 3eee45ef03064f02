// Scenario: a learning-rate × seed sweep that builds a shuffling EpochDataLoader per trial but never sets its epoch in the epoch loop — wrong (CMP002)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Sweeps;

public static class LrSeedSweep
{
    const int Epochs = 12;

    public static void Main()
    {
        using var trainSet = new FashionMnist(train: true);
        using var valSet = new FashionMnist(train: false);

        double[] learningRates = { 3e-4, 1e-3, 3e-3 };
        int[] seeds = { 0, 1, 2 };
        var results = new List<(double Lr, int Seed, double Acc)>();

        foreach (var lr in learningRates)
        {
            foreach (var seed in seeds)
            {
                Reproducibility.SeedAll(seed);
                var model = Sequential(
                    ("flat", Flatten()),
                    ("fc1", Linear(28 * 28, 256)),
                    ("relu", ReLU()),
                    ("drop", Dropout(0.2)),
                    ("fc2", Linear(256, 10)));
                var opt = optim.Adam(model.parameters(), lr: lr);

                // each trial gets its own loaders so the seed controls the shuffle too
                var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: seed);
                var val = new EpochDataLoader(valSet, batchSize: 1024);

                for (int epoch = 0; epoch < Epochs; epoch++)
                {
                    model.train();
                    double running = 0;
                    int steps = 0;
                    foreach (var batch in train) //! CMP002
                    {
                        using var scope = NewDisposeScope();
                        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                        opt.zero_grad();
                        loss.backward();
                        opt.step();
                        running += loss.item<float>();
                        steps++;
                    }
                    Console.WriteLine($"lr={lr:g} seed={seed} epoch={epoch} loss={running / steps:F4}");
                }

                double acc = Accuracy(model, val);
                results.Add((lr, seed, acc));
                Console.WriteLine($"lr={lr:g} seed={seed} val_acc={acc:P2}");
            }
        }

        foreach (var g in results.GroupBy(r => r.Lr))
        {
            var accs = g.Select(r => r.Acc).ToArray();
            double mean = accs.Average();
            double std = Math.Sqrt(accs.Select(a => (a - mean) * (a - mean)).Average());
            Console.WriteLine($"lr={g.Key:g}: {mean:P2} ± {std:P2} over {accs.Length} seeds");
        }
    }

    static double Accuracy(Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        long correct = 0, total = 0;
        using (no_grad())
        {
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var pred = model.forward(batch["data"]).argmax(1);
                correct += pred.eq(batch["label"]).sum().item<long>();
                total += batch["label"].shape[0];
            }
        }
        return (double)correct / total;
    }
}
