// Scenario: 5-fold cross-validation run in parallel with `Parallel.For(0, folds, fold => { … })`; inside the lambda each fold builds its own RandomSampler loader and runs an epoch loop, but tells the sampler `SetEpoch(fold)` instead of the epoch. CMP004 flags a setter whose epoch is "made only of constants and of locals and parameters that the loop neither declares nor changes: another loop's variable (k-fold), …, a method parameter"; `fold` is the lambda's parameter, which the epoch loop neither declares nor changes (the lambda is handed to Parallel.For, not called in the loop): CMP004.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.ParallelKFoldLambdaFoldAsEpoch;

public static class Program
{
    public static void Main()
    {
        const int folds = 5, epochs = 8, n = 2500;
        var x = randn(n, 12);
        var y = randint(0, 3, new long[] { n });
        var accuracies = new double[folds];

        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, fold =>
        {
            var trainIdx = torch.arange(n).remainder(folds).ne(fold).nonzero().squeeze(1);
            var valIdx = torch.arange(n).remainder(folds).eq(fold).nonzero().squeeze(1);
            var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, trainIdx), ["y"] = y.index_select(0, trainIdx) });
            var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, valIdx), ["y"] = y.index_select(0, valIdx) });

            var sampler = new RandomSampler(trainSet.Count, seed: 17);
            using var train = new EpochDataLoader(trainSet, batchSize: 50, sampler: sampler);
            using var val = new EpochDataLoader(valSet, batchSize: 500);
            var model = nn.Sequential(("fc1", nn.Linear(12, 32)), ("act", nn.Tanh()), ("fc2", nn.Linear(32, 3)));
            var optimizer = optim.SGD(model.parameters(), 0.1);

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                sampler.SetEpoch(fold); //! CMP004
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                    optimizer.step();
                }
            }

            using var noGrad = no_grad();
            long correct = 0;
            foreach (var batch in val)
                correct += model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            accuracies[fold] = (double)correct / valSet.Count;
        });

        Console.WriteLine($"mean accuracy {accuracies.Average():P2}");
    }
}
