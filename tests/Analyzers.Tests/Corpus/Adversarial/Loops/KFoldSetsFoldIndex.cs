// Scenario: k-fold cross validation passes the fold index to SetEpoch inside the epoch loop, so within a fold every epoch has the same order: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.CrossValidation;

public static class KFold
{
    public static double[] Run(InMemoryDataset data, int k, int epochs)
    {
        var scores = new double[k];
        long n = data.Count;
        for (int fold = 0; fold < k; fold++)
        {
            long[] trainIdx = Enumerable.Range(0, (int)n).Where(i => i % k != fold).Select(i => (long)i).ToArray();
            long[] validIdx = Enumerable.Range(0, (int)n).Where(i => i % k == fold).Select(i => (long)i).ToArray();
            using var trainSet = Subset(data, trainIdx);
            using var validSet = Subset(data, validIdx);
            using var trainLoader = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 42);
            using var validLoader = new EpochDataLoader(validSet, batchSize: 256);

            var model = nn.Sequential(("fc1", nn.Linear(30, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 2)));
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                trainLoader.SetEpoch(fold); //! CMP004
                foreach (var batch in trainLoader)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }

            long correct = 0;
            using (torch.no_grad())
            {
                foreach (var batch in validLoader)
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            }
            scores[fold] = (double)correct / validSet.Count;
            Console.WriteLine($"fold {fold}: accuracy {scores[fold]:P2}");
        }
        return scores;
    }

    private static InMemoryDataset Subset(InMemoryDataset data, long[] indices)
    {
        using var index = torch.tensor(indices);
        return new InMemoryDataset(data.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, index)));
    }
}
