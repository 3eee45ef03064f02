// Scenario: both loaders are `using` declarations rebuilt inside the epoch loop with seed: baseSeed + epoch (an EpochDataLoader and a shuffling TorchSharp DataLoader zipped with it); right.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut.Edges.UsingDeclarationReseededPerEpoch;

public static class MixupWithAuxiliary
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, InMemoryDataset auxiliary, int baseSeed, int epochs)
    {
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        var rng = new Random(baseSeed);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // Fresh loaders each epoch: the seed moves with the epoch, so the order does too.
            using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: baseSeed + epoch, workers: 2);
            using var aux = new DataLoader(auxiliary, 64, shuffle: true, seed: baseSeed + epoch, disposeDataset: false);

            double total = 0;
            int steps = 0;
            foreach (var (main, extra) in train.Zip(aux))
            {
                float lambda = (float)rng.NextDouble();
                optimizer.zero_grad();
                using var mixedX = main["x"] * lambda + extra["x"] * (1 - lambda);
                using var logits = model.forward(mixedX);
                using var lossMain = nn.functional.cross_entropy(logits, main["y"]);
                using var lossAux = nn.functional.cross_entropy(logits, extra["y"]);
                using var loss = lossMain * lambda + lossAux * (1 - lambda);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }

            Console.WriteLine($"epoch {epoch}: {total / Math.Max(steps, 1):F4}");
        }
    }
}
