// Scenario: k-fold cross-validation meant to pass a global epoch fold * epochsPerFold + epoch but wrote fold * epochsPerFold, which is the same on every pass of the inner epoch loop; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.KFoldGlobalEpochMissingEpoch;

public static class CrossValidation
{
    public static double[] Run(Func<nn.Module<Tensor, Tensor>> makeModel, InMemoryDataset data, int k, int epochsPerFold)
    {
        var scores = new double[k];
        long n = data.Count;
        for (int fold = 0; fold < k; fold++)
        {
            var valIdx = Enumerable.Range(0, (int)n).Where(i => i % k == fold).Select(i => (long)i).ToArray();
            var trainIdx = Enumerable.Range(0, (int)n).Where(i => i % k != fold).Select(i => (long)i).ToArray();

            var model = makeModel();
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
            using var train = new EpochDataLoader(Subset(data, trainIdx), batchSize: 32, shuffle: true, seed: 2024);
            using var val = new EpochDataLoader(Subset(data, valIdx), batchSize: 256);

            for (int epoch = 0; epoch < epochsPerFold; epoch++)
            {
                // Global epoch, so that no two folds replay the same orders.
                Epochs.SetEpoch(train, fold * epochsPerFold); //! CMP004
                foreach (var batch in train)
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                    loss.backward();
                    optimizer.step();
                }
            }

            long correct = 0;
            using (no_grad())
            {
                foreach (var batch in val)
                    correct += model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            }
            scores[fold] = (double)correct / valIdx.Length;
            Console.WriteLine($"fold {fold}: {scores[fold]:P2}");
        }
        return scores;
    }

    private static InMemoryDataset Subset(InMemoryDataset data, long[] indices)
    {
        using var idx = tensor(indices);
        return new InMemoryDataset(data.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, idx)));
    }
}
