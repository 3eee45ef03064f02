// Scenario: churn prediction on a tabular data set with a class-weighted loss and a RandomSampler with replacement given as the loader's sampler (no batch sampler); the loop reshuffles with `if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch)`, which is right here because the loader builds its own BatchSampler over that very sampler (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.TabularWeightedRandomSampler;

public static class ChurnModel
{
    public static nn.Module<Tensor, Tensor> Fit(Tensor features, Tensor churned, Tensor validFeatures, Tensor validChurned, int epochs = 25)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = features, ["y"] = churned });
        long n = data.Count;

        // Inverse-frequency class weights for the loss.
        var counts = torch.bincount(churned, minlength: 2).to_type(ScalarType.Float32);
        var classWeights = counts.sum() / (2 * counts);

        using var loader = new EpochDataLoader(data, batchSize: 512,
            sampler: new RandomSampler(n, seed: 5, replacement: true, numSamples: n), dropLast: true);
        using var validLoader = new EpochDataLoader(
            new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = validFeatures, ["y"] = validChurned }),
            batchSize: 2048, sampler: new SequentialSampler(validFeatures.shape[0]));

        var net = nn.Sequential(nn.Linear(features.shape[1], 128), nn.SiLU(), nn.Linear(128, 64), nn.SiLU(), nn.Linear(64, 2));
        var optimizer = optim.AdamW(net.parameters(), lr: 2e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch);

            net.train();
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(net.call(batch["x"]), batch["y"], weight: classWeights);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            if (epoch % 5 == 4)
                Console.WriteLine($"epoch {epoch}: validation balanced accuracy {BalancedAccuracy(net, validLoader):F3}");
        }
        return net;
    }

    private static double BalancedAccuracy(nn.Module<Tensor, Tensor> net, EpochDataLoader loader)
    {
        net.eval();
        using var noGrad = torch.no_grad();
        var tp = new long[2];
        var total = new long[2];
        foreach (var batch in loader)
        {
            var predicted = net.call(batch["x"]).argmax(1).data<long>().ToArray();
            var actual = batch["y"].data<long>().ToArray();
            for (int i = 0; i < actual.Length; i++)
            {
                total[actual[i]]++;
                if (predicted[i] == actual[i]) tp[actual[i]]++;
            }
        }
        return 0.5 * ((double)tp[0] / Math.Max(1, total[0]) + (double)tp[1] / Math.Max(1, total[1]));
    }
}
