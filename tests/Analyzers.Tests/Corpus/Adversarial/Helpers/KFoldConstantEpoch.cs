// Scenario: 5-fold cross-validation; each fold builds a shuffle: true loader and runs an epoch loop that calls train.SetEpoch(fold) before TrainOneEpoch(model, train, optimizer). The helper makes the inner loop the epoch loop, and `fold` is "another loop's variable (k-fold)", the same on every pass: CMP004 on the setter. CMP002 is not reported since a setter handles the pass; Evaluate runs a non-shuffling loader.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.KFoldConstantEpoch;

public static class Program
{
    public static void Main()
    {
        const int folds = 5, epochsPerFold = 6, n = 2500;
        var x = randn(n, 12);
        var y = randint(0, 2, new long[] { n });
        var foldOf = arange(n) % folds;
        var scores = new List<double>();

        for (int fold = 0; fold < folds; fold++)
        {
            var trainIdx = nonzero(foldOf.ne(fold)).squeeze(1);
            var valIdx = nonzero(foldOf.eq(fold)).squeeze(1);
            var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, trainIdx), ["y"] = y.index_select(0, trainIdx) });
            var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, valIdx), ["y"] = y.index_select(0, valIdx) });
            using var train = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, seed: 42);
            using var val = new EpochDataLoader(valSet, batchSize: 256);

            var model = nn.Sequential(("fc1", nn.Linear(12, 24)), ("act", nn.ReLU()), ("fc2", nn.Linear(24, 2)));
            var optimizer = optim.Adam(model.parameters(), lr: 5e-3);
            for (int epoch = 0; epoch < epochsPerFold; epoch++)
            {
                train.SetEpoch(fold); //! CMP004
                var loss = TrainOneEpoch(model, train, optimizer);
                if (epoch == epochsPerFold - 1) Console.WriteLine($"fold {fold} final loss {loss:F4}");
            }
            scores.Add(Evaluate(model, val));
        }
        Console.WriteLine($"CV accuracy {scores.Average():P2} ± {Math.Sqrt(scores.Select(s => Math.Pow(s - scores.Average(), 2)).Average()):P2}");
    }

    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer)
    {
        model.train();
        double total = 0;
        var steps = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            steps++;
        }
        return total / Math.Max(steps, 1);
    }

    static double Evaluate(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        long hit = 0, all = 0;
        foreach (var batch in loader)
        {
            hit += model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            all += batch["y"].shape[0];
        }
        return all == 0 ? 0 : (double)hit / all;
    }
}
