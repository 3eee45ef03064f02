// Scenario: a GAN trainer zips a shuffling real-image loader with a RandomSampler-driven style loader; it sets the epoch of the real loader only, so the style loader replays one order; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.GanStyleLoaderZipNotSet;

public sealed class StyleGanTrainer
{
    private const int Latent = 32;
    private readonly EpochDataLoader _real;
    private readonly EpochDataLoader _styles;
    private readonly nn.Module<Tensor, Tensor> _generator;
    private readonly nn.Module<Tensor, Tensor> _discriminator;
    private readonly Device _device;

    public StyleGanTrainer(InMemoryDataset realImages, InMemoryDataset styleImages, Device device)
    {
        _device = device;
        _real = new EpochDataLoader(realImages, 64, shuffle: true, seed: 1, dropLast: true, device: device);
        _styles = new EpochDataLoader(styleImages, 64, sampler: new RandomSampler(styleImages.Count, seed: 2), dropLast: true, device: device);
        _generator = nn.Sequential(nn.Linear(Latent + 64, 256), nn.LeakyReLU(0.2), nn.Linear(256, 784), nn.Tanh()).to(device);
        _discriminator = nn.Sequential(nn.Linear(784, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1)).to(device);
    }

    public void Train(int epochs, string sampleDir)
    {
        var optG = optim.Adam(_generator.parameters(), 2e-4, beta1: 0.5, beta2: 0.999);
        var optD = optim.Adam(_discriminator.parameters(), 2e-4, beta1: 0.5, beta2: 0.999);
        var bce = nn.BCEWithLogitsLoss();
        Directory.CreateDirectory(sampleDir);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _real.SetEpoch(epoch);
            double dSum = 0, gSum = 0;
            int steps = 0;
            foreach (var (real, style) in _real.Zip(_styles)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var images = real["image"].flatten(1);
                long n = images.shape[0];
                var z = cat(new[] { randn(n, Latent, device: _device), style["code"] }, 1);
                var ones = ones_like(images[.., 0..1]);
                var zeros = zeros_like(ones);

                optD.zero_grad();
                var fake = _generator.call(z);
                var dLoss = bce.call(_discriminator.call(images), ones) + bce.call(_discriminator.call(fake.detach()), zeros);
                dLoss.backward();
                optD.step();

                optG.zero_grad();
                var gLoss = bce.call(_discriminator.call(fake), ones);
                gLoss.backward();
                optG.step();

                dSum += dLoss.item<float>();
                gSum += gLoss.item<float>();
                steps++;
            }

            Console.WriteLine($"epoch {epoch}: D {dSum / steps:F3} G {gSum / steps:F3}");
            if (epoch % 5 == 4)
            {
                using var noGrad = no_grad();
                var samples = _generator.call(cat(new[] { randn(16, Latent, device: _device), zeros(16, 64, device: _device) }, 1));
                samples.cpu().save(Path.Combine(sampleDir, $"samples-{epoch:D3}.pt"));
            }
        }
    }
}
