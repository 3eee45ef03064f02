// Scenario: k-fold cross-validation where each fold builds a loader with a RandomSampler (seed: 100 + fold) and the inner epoch loop calls RunEpoch(model, train, optimizer, epoch), which calls train.SetEpoch(epoch) itself. Correct, no finding: the helper in view sets "the parameter that receives L" on every pass; the fold's Score helper reads a non-shuffling loader.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.KFoldHelpersCorrect;

public static class Program
{
    public static void Main()
    {
        const int k = 4, epochs = 5;
        var features = randn(2000, 6);
        var targets = features.sum(1, keepdim: true) + 0.1 * randn(2000, 1);
        var permutation = randperm(2000);
        var foldSize = 2000 / k;
        var rmse = new double[k];

        for (var fold = 0; fold < k; fold++)
        {
            var valIdx = permutation.narrow(0, fold * foldSize, foldSize);
            var trainIdx = cat(new[] { permutation.narrow(0, 0, fold * foldSize), permutation.narrow(0, (fold + 1) * foldSize, 2000 - (fold + 1) * foldSize) });
            var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = features[trainIdx], ["y"] = targets[trainIdx] });
            var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = features[valIdx], ["y"] = targets[valIdx] });
            using var train = new EpochDataLoader(trainSet, batchSize: 40, sampler: new RandomSampler(trainSet.Count, seed: 100 + fold));
            using var val = new EpochDataLoader(valSet, batchSize: 200);

            var model = nn.Linear(6, 1);
            var optimizer = optim.SGD(model.parameters(), 0.01);
            for (var epoch = 0; epoch < epochs; epoch++)
                RunEpoch(model, train, optimizer, epoch);
            rmse[fold] = Score(model, val);
            Console.WriteLine($"fold {fold}: rmse {rmse[fold]:F4}");
        }
        Console.WriteLine($"mean rmse {rmse.Average():F4}");
    }

    static void RunEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader train, optim.Optimizer optimizer, int epoch)
    {
        train.SetEpoch(epoch);
        model.train();
        foreach (var batch in train)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]).backward();
            optimizer.step();
        }
    }

    static double Score(nn.Module<Tensor, Tensor> model, EpochDataLoader val)
    {
        using var _ = no_grad();
        double se = 0;
        long n = 0;
        foreach (var batch in val)
        {
            se += (model.forward(batch["x"]) - batch["y"]).pow(2).sum().item<float>();
            n += batch["y"].shape[0];
        }
        return Math.Sqrt(se / Math.Max(n, 1));
    }
}
