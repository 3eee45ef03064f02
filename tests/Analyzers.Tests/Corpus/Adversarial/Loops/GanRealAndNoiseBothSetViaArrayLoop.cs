// Scenario: a GAN loop sets the epoch of both the real-image loader and the latent-bank loader with a foreach over an inline array, then draws from both: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var images = new FashionMnist(train: true);
using var latents = new InMemoryDataset(new Dictionary<string, Tensor> { ["z"] = torch.randn(images.Count, 64) });
using var realLoader = new EpochDataLoader(images, batchSize: 128, shuffle: true, seed: 7, dropLast: true);
using var noiseLoader = new EpochDataLoader(latents, batchSize: 128, sampler: new RandomSampler(latents.Count, seed: 8), dropLast: true);

var generator = nn.Sequential(
    ("fc1", nn.Linear(64, 256)), ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 784)), ("tanh", nn.Tanh()));
var discriminator = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 256)), ("lrelu", nn.LeakyReLU(0.2)),
    ("fc2", nn.Linear(256, 1)));
var optG = optim.Adam(generator.parameters(), lr: 2e-4, beta1: 0.5);
var optD = optim.Adam(discriminator.parameters(), lr: 2e-4, beta1: 0.5);

for (int epoch = 0; epoch < 25; epoch++)
{
    foreach (var l in new[] { realLoader, noiseLoader }) l.SetEpoch(epoch);

    using var noise = noiseLoader.GetEnumerator();
    foreach (var real in realLoader)
    {
        if (!noise.MoveNext()) break;
        using var x = real["data"].flatten(1) * 2 - 1;
        using var z = noise.Current["z"];

        optD.zero_grad();
        using var fake = generator.forward(z);
        using var dReal = discriminator.forward(x);
        using var dFake = discriminator.forward(fake.detach());
        using var lossD = nn.functional.binary_cross_entropy_with_logits(dReal, torch.ones_like(dReal))
                        + nn.functional.binary_cross_entropy_with_logits(dFake, torch.zeros_like(dFake));
        lossD.backward();
        optD.step();

        optG.zero_grad();
        using var dGen = discriminator.forward(fake);
        using var lossG = nn.functional.binary_cross_entropy_with_logits(dGen, torch.ones_like(dGen));
        lossG.backward();
        optG.step();
    }
    generator.save($"gan/generator-{epoch:D3}.bin");
}
