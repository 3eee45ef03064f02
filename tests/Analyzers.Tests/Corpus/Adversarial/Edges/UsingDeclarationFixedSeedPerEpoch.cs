// Scenario: loaders are `using` declarations rebuilt inside the epoch loop, but seeded with options.Seed, the same on every pass (an EpochDataLoader with shuffle: true and a shuffling TorchSharp DataLoader); wrong.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut.Edges.UsingDeclarationFixedSeedPerEpoch;

public sealed record TrainOptions(int Epochs, int BatchSize, int Seed, double Lr);

public static class RebuildEachEpoch
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, InMemoryDataset extraData, TrainOptions options)
    {
        var optimizer = optim.Adam(model.parameters(), lr: options.Lr);

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            // Rebuilt every epoch so that the data files can be rotated between epochs.
            using var train = new EpochDataLoader(data, batchSize: options.BatchSize, shuffle: true, seed: options.Seed);
            using var extra = new DataLoader(extraData, 32, shuffle: true, seed: options.Seed, disposeDataset: false); //! CMP003

            double sum = 0;
            long steps = 0;
            foreach (var batch in train) //! CMP002
            {
                sum += Step(model, optimizer, batch);
                steps++;
            }
            foreach (var batch in extra)
            {
                sum += Step(model, optimizer, batch);
                steps++;
            }

            Console.WriteLine($"epoch {epoch}: {sum / Math.Max(steps, 1):F4}");
        }
    }

    private static double Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
