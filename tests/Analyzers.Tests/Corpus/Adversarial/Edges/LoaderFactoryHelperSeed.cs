// Scenario: a factory helper builds TorchSharp loaders with `shuffle: train, seed: seed`, and the epoch loop calls it with seed: baseSeed + epoch; the helper's creation is flagged because it cannot see the seed change.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut.Edges.LoaderFactoryHelperSeed;

public static class Loaders
{
    public static DataLoader Make(utils.data.Dataset data, int batchSize, bool train, int seed)
        => new DataLoader(data, batchSize, shuffle: train, seed: seed, drop_last: train, disposeDataset: false); //! CMP003

    public static DataLoader MakeEval(utils.data.Dataset data, int batchSize)
        => utils.data.DataLoader(data, batchSize, false, null, null, disposeDataset: false);
}

public static class ReseededTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, utils.data.Dataset trainSet, utils.data.Dataset valSet, int baseSeed, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var val = Loaders.MakeEval(valSet, 512);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var train = Loaders.Make(trainSet, 64, train: true, seed: baseSeed + epoch);
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }

            using (no_grad())
            {
                double sum = 0;
                foreach (var batch in val)
                    sum += nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).item<float>();
                Console.WriteLine($"epoch {epoch}: val {sum / val.Count:F4}");
            }
        }
    }
}
