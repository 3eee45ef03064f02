// Scenario: GAN in while (true) with a break on the step budget; the noise loader's epoch follows a pass counter, but the real-image loader is told epoch 0 on every pass — wrong (constant epoch).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.GanWhileTrueRealLoaderResetToEpochZero;

public static class Program
{
    public static void Main()
    {
        const long maxSteps = 20_000;
        using var images = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = rand(10_000, 784) * 2 - 1 });
        using var latents = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(50_000, 100) });

        using var real = new EpochDataLoader(images, batchSize: 64, shuffle: true, dropLast: true, seed: 3);
        using var noise = new EpochDataLoader(latents, batchSize: 64, sampler: new RandomSampler(latents.Count, seed: 4), dropLast: true);

        var generator = nn.Sequential(("g1", nn.Linear(100, 256)), ("g_act", nn.LeakyReLU(0.2)), ("g2", nn.Linear(256, 784)), ("g_out", nn.Tanh()));
        var discriminator = nn.Sequential(("d1", nn.Linear(784, 256)), ("d_act", nn.LeakyReLU(0.2)), ("d2", nn.Linear(256, 1)));
        var optG = optim.Adam(generator.parameters(), lr: 2e-4, beta1: 0.5);
        var optD = optim.Adam(discriminator.parameters(), lr: 2e-4, beta1: 0.5);

        long steps = 0;
        int pass = 0;
        while (true)
        {
            // new order of real images
            real.SetEpoch(0); //! CMP004
            noise.SetEpoch(pass);

            foreach (var (r, z) in real.Zip(noise))
            {
                using var scope = NewDisposeScope();
                var ones = ones_like(discriminator.forward(r["data"]));
                var fake = generator.forward(z["data"]);

                var dLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.forward(r["data"]), ones)
                          + nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake.detach()), zeros_like(ones));
                optD.zero_grad();
                dLoss.backward();
                optD.step();

                var gLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake), ones);
                optG.zero_grad();
                gLoss.backward();
                optG.step();

                if (++steps >= maxSteps) break;
            }

            pass++;
            Console.WriteLine($"pass {pass}: {steps} steps");
            if (steps >= maxSteps) break;
        }
    }
}
