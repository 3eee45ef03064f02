// Scenario: k-fold cross-validation in the tutorial style: each fold builds its own shuffling EpochDataLoader (seed: fold) over index_select'ed tensors, and the inner epoch loop sets its epoch with the inner loop's variable; correct.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.KFold;

public static class Program
{
    private const int Folds = 5;
    private const int Epochs = 4;

    public static void Main()
    {
        var full = new FashionMnist(train: true);
        var images = full.Columns["data"];
        var labels = full.Columns["label"];
        var permutation = randperm(full.Count, generator: new Generator(0));
        var foldSize = full.Count / Folds;
        var scores = new List<double>();

        for (int fold = 0; fold < Folds; fold++)
        {
            var valIdx = permutation.narrow(0, fold * foldSize, foldSize);
            var trainIdx = cat(new[] { permutation[..(int)(fold * foldSize)], permutation[(int)((fold + 1) * foldSize)..] });
            var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = images.index_select(0, trainIdx), ["label"] = labels.index_select(0, trainIdx) });
            var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = images.index_select(0, valIdx), ["label"] = labels.index_select(0, valIdx) });

            using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: fold);
            using var val = new EpochDataLoader(valSet, batchSize: 1000);
            var model = Sequential(("flat", Flatten()), ("fc", Linear(784, 10)));
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

            for (int epoch = 0; epoch < Epochs; epoch++)
            {
                train.SetEpoch(epoch);
                model.train();
                foreach (var batch in train)
                {
                    using var d = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }

            model.eval();
            using (no_grad())
            {
                long correct = val.Sum(b => model.call(b["data"]).argmax(1).eq(b["label"]).sum().ToInt64());
                scores.Add((double)correct / valSet.Count);
            }
            Console.WriteLine($"fold {fold}: accuracy {scores[^1]:P2}");
        }
        Console.WriteLine($"mean accuracy {scores.Average():P2}");
    }
}
