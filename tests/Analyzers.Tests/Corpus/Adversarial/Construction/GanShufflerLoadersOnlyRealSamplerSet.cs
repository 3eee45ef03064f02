// Scenario: A conditional GAN feeds two TorchSharp DataLoaders with epoch-aware shufflers; the real-image sampler's epoch is set each epoch but the label loader, stepped through GetEnumerator()/MoveNext(), never is (bug: CMP002 on its GetEnumerator call).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan;

public static class ConditionalGan
{
    public static void Train(InMemoryDataset images, InMemoryDataset labelPrior, int epochs, Device device)
    {
        var realSampler = new DistributedSampler(images.Count, seed: 10);
        var priorSampler = new RandomSampler(labelPrior.Count, seed: 20, replacement: true, numSamples: images.Count);
        using var real = new DataLoader(images, 64, realSampler, device, disposeDataset: false);
        using var prior = new DataLoader(labelPrior, 64, priorSampler, device, disposeDataset: false);

        var generator = nn.Sequential(("fc1", nn.Linear(100 + 10, 256)), ("act", nn.LeakyReLU(0.2)), ("fc2", nn.Linear(256, 784)), ("tanh", nn.Tanh())).to(device);
        var discriminator = nn.Sequential(("fc1", nn.Linear(784 + 10, 256)), ("act", nn.LeakyReLU(0.2)), ("fc2", nn.Linear(256, 1))).to(device);
        var optG = optim.Adam(generator.parameters(), lr: 2e-4, beta1: 0.5);
        var optD = optim.Adam(discriminator.parameters(), lr: 2e-4, beta1: 0.5);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            realSampler.SetEpoch(epoch);
            using var labels = prior.GetEnumerator(); //! CMP002
            foreach (var batch in real)
            {
                using var scope = NewDisposeScope();
                if (!labels.MoveNext()) break;
                long n = batch["data"].shape[0];
                var realX = batch["data"].flatten(1) * 2 - 1;
                var realY = nn.functional.one_hot(batch["label"], 10).to_type(ScalarType.Float32);
                var fakeY = nn.functional.one_hot(labels.Current["label"][..(int)n], 10).to_type(ScalarType.Float32);
                var fakeX = generator.forward(cat([randn(n, 100, device: device), fakeY], 1));

                optD.zero_grad();
                var dReal = discriminator.forward(cat([realX, realY], 1));
                var dFake = discriminator.forward(cat([fakeX.detach(), fakeY], 1));
                var lossD = nn.functional.binary_cross_entropy_with_logits(dReal, ones_like(dReal))
                    + nn.functional.binary_cross_entropy_with_logits(dFake, zeros_like(dFake));
                lossD.backward();
                optD.step();

                optG.zero_grad();
                var dGen = discriminator.forward(cat([fakeX, fakeY], 1));
                nn.functional.binary_cross_entropy_with_logits(dGen, ones_like(dGen)).backward();
                optG.step();
            }
        }
    }
}
