// Scenario: an answer "set the epoch when the first batch of each epoch arrives" calls `trainLoader.SetEpoch(epoch)` under `if (batchIdx == 0)` inside the `foreach` over that same loader; the order of this epoch was already fixed, so each epoch runs with the previous epoch's order (wrong, CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace AutoencoderDemo;

public sealed class Autoencoder : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> encoder;
    private readonly nn.Module<Tensor, Tensor> decoder;

    public Autoencoder(int inputDim = 784, int latentDim = 32) : base(nameof(Autoencoder))
    {
        encoder = nn.Sequential(nn.Linear(inputDim, 256), nn.ReLU(), nn.Linear(256, latentDim));
        decoder = nn.Sequential(nn.Linear(latentDim, 256), nn.ReLU(), nn.Linear(256, inputDim), nn.Sigmoid());
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => decoder.call(encoder.call(x));
}

public static class Program
{
    public static void Main()
    {
        const int epochs = 12;
        using var data = new FashionMnist(train: true);
        using var trainLoader = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 11, prefetch: true);

        var model = new Autoencoder();
        var optimizer = optim.Adam(model.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            var epochLoss = 0.0;
            var batchIdx = 0;

            foreach (var batch in trainLoader)
            {
                // Make sure the loader knows which epoch we are in, so it reshuffles
                if (batchIdx == 0) trainLoader.SetEpoch(epoch); //! CMP005

                using var scope = NewDisposeScope();
                var x = batch["data"].flatten(1);
                var reconstruction = model.call(x);
                var loss = nn.functional.binary_cross_entropy(reconstruction, x);

                optimizer.zero_grad();
                loss.backward();
                optimizer.step();

                epochLoss += loss.item<float>();
                batchIdx++;

                if (batchIdx % 50 == 0)
                    Console.Write($"\r  epoch {epoch + 1}: batch {batchIdx}/{trainLoader.Count}   ");
            }

            Console.WriteLine($"\rEpoch [{epoch + 1}/{epochs}] reconstruction loss: {epochLoss / batchIdx:F5}          ");
        }
    }
}
