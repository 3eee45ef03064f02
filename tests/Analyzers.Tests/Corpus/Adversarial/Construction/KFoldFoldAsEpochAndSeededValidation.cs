// Scenario: K-fold cross-validation sets the train sampler's epoch to the fold index inside the epoch loop (bug: CMP004) and samples validation batches from TorchSharp's DataLoader(shuffle: true, seed: 0) (bug: CMP003).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CrossValidation;

public static class KFold
{
    static (InMemoryDataset Train, InMemoryDataset Val) Split(InMemoryDataset data, int fold, int k)
    {
        var all = arange(data.Count, dtype: ScalarType.Int64);
        var isVal = all.remainder(k).eq(fold);
        var valIdx = all.masked_select(isVal);
        var trainIdx = all.masked_select(isVal.logical_not());
        InMemoryDataset Take(Tensor idx) => new(data.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, idx)));
        return (Take(trainIdx), Take(valIdx));
    }

    static double Accuracy(nn.Module<Tensor, Tensor> model, IEnumerable<Dictionary<string, Tensor>> batches)
    {
        long correct = 0, seen = 0;
        using var _ = no_grad();
        foreach (var batch in batches)
        {
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return (double)correct / Math.Max(1, seen);
    }

    public static double Run(InMemoryDataset data, int k, int epochs)
    {
        var scores = new List<double>();
        for (int fold = 0; fold < k; fold++)
        {
            var (trainFold, valFold) = Split(data, fold, k);
            var sampler = new RandomSampler(trainFold.Count, seed: 11);
            using var train = new DataLoader(trainFold, 64, sampler);
            using var val = new DataLoader(valFold, 256, shuffle: true, seed: 0); //! CMP003
            var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("act", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                sampler.SetEpoch(fold); //! CMP004
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                    optimizer.step();
                }
            }

            scores.Add(Accuracy(model, val.Take(10)));
            Console.WriteLine($"fold {fold}: {scores[^1]:P2}");
        }
        return scores.Average();
    }
}
