// Scenario: curriculum by difficulty; every epoch builds a new shuffling loader over the easiest fraction of the data (a pacing function) with seed baseSeed + epoch, and never calls SetEpoch — right (rebuilt each pass with a changing seed)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Curriculum;

public static class DifficultyCurriculum
{
    public static void Main()
    {
        const int baseSeed = 900, epochs = 24, rampEpochs = 12;
        const double startFraction = 0.2;
        Reproducibility.SeedAll(baseSeed);

        using var data = new FashionMnist(train: true);

        // difficulty = loss of a small probe model trained for one pass (lower is easier)
        var difficulty = ProbeLosses(data);
        var byEase = difficulty.argsort();

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 512)), ("relu", ReLU()), ("fc2", Linear(512, 10)));
        var opt = optim.Adam(model.parameters(), lr: 5e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // linear pacing: start with the easiest 20%, reach the whole set after rampEpochs
            double fraction = Math.Min(1.0, startFraction + (1 - startFraction) * epoch / rampEpochs);
            long take = (long)(fraction * data.Count);
            using var subset = new InMemoryDataset(data.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, byEase[..(int)take])));
            using var loader = new EpochDataLoader(subset, batchSize: 128, shuffle: true, seed: baseSeed + epoch);

            model.train();
            double sum = 0; int n = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                opt.zero_grad();
                loss.backward();
                opt.step();
                sum += loss.item<float>(); n++;
            }
            Console.WriteLine($"epoch {epoch}: {take} easiest samples ({fraction:P0}), loss {sum / n:F4}");
        }
    }

    static Tensor ProbeLosses(InMemoryDataset data)
    {
        var probe = Sequential(("flat", Flatten()), ("fc", Linear(784, 10)));
        var opt = optim.SGD(probe.parameters(), 0.1);
        foreach (var batch in new EpochDataLoader(data, batchSize: 256))
        {
            using var scope = NewDisposeScope();
            var loss = functional.cross_entropy(probe.forward(batch["data"]), batch["label"]);
            opt.zero_grad(); loss.backward(); opt.step();
        }
        probe.eval();
        using (no_grad())
            return functional.cross_entropy(probe.forward(data.Columns["data"]), data.Columns["label"], reduction: Reduction.None);
    }
}
