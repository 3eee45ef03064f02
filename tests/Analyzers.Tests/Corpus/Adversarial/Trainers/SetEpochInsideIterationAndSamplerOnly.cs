// Scenario: a GAN loop sets the real-image loader's epoch on the first batch, inside its own iteration (one epoch late), and the style loader it received only gets its Sampler's epoch: two bugs.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Late;

public static class StyleGan
{
    public static void Train(InMemoryDataset faces, EpochDataLoader styles, nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator, int epochs)
    {
        using var real = new EpochDataLoader(faces, batchSize: 16, shuffle: true, dropLast: true);
        var optG = optim.Adam(generator.parameters(), lr: 2e-4, beta1: 0.5);
        var optD = optim.Adam(discriminator.parameters(), lr: 2e-4, beta1: 0.5);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (styles.Sampler is IEpochAware styleSampler) styleSampler.SetEpoch(epoch); //! CMP001

            int step = 0;
            foreach (var (batch, styleBatch) in real.Zip(styles))
            {
                if (step == 0) real.SetEpoch(epoch); //! CMP005
                step++;

                using var scope = NewDisposeScope();
                var style = styleBatch["style"];
                var fake = generator.forward(style);
                var dLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.forward(batch["image"]), ones(batch["image"].shape[0], 1))
                          + nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake.detach()), zeros(fake.shape[0], 1));
                optD.zero_grad();
                dLoss.backward();
                optD.step();

                var gLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake), ones(fake.shape[0], 1));
                optG.zero_grad();
                gLoss.backward();
                optG.step();
            }
        }
    }
}
