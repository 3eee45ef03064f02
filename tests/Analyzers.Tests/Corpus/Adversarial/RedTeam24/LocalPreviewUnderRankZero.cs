// Scenario: a top-level GAN script renders a few shuffled reference images on rank 0 only, through a local function `RenderPreview(epoch)` that iterates the `preview` loader; the call sits in `if (Dist.Rank == 0) { preview.SetEpoch(epoch); RenderPreview(epoch); }`, so the only rank that iterates `preview` sets its epoch first. The training loader's epoch is set on every rank. Correct: an iteration in a local function counts where it is called, and a rank branch counts when the iteration is inside the same branch (CMP002, Not flagged). Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

Dist.Initialize();
int epochs = args.Length > 0 ? int.Parse(args[0]) : 50;
var images = new InMemoryDataset(new Dictionary<string, Tensor> { ["image"] = rand(2048, 3, 32, 32) });
var references = new InMemoryDataset(new Dictionary<string, Tensor> { ["image"] = rand(256, 3, 32, 32) });

var shard = new DistributedSampler(images.Count, Dist.WorldSize, Dist.Rank, seed: 8);
using var train = new EpochDataLoader(images, batchSize: 64, sampler: shard, dropLast: true);
using var preview = new EpochDataLoader(references, batchSize: 16, shuffle: true, seed: 21);

var generator = Sequential(Linear(128, 3 * 32 * 32), Tanh());
var discriminator = Sequential(Flatten(), Linear(3 * 32 * 32, 1));
var optG = optim.Adam(generator.parameters(), lr: 2e-4, beta1: 0.5);
var optD = optim.Adam(discriminator.parameters(), lr: 2e-4, beta1: 0.5);

void RenderPreview(int epoch)
{
    using var noGrad = no_grad();
    foreach (var batch in preview.Take(2))
    {
        var score = discriminator.call(batch["image"]).sigmoid().mean().item<float>();
        Console.WriteLine($"epoch {epoch}: D(real preview) = {score:F3}");
    }
}

for (int epoch = 0; epoch < epochs; epoch++)
{
    train.SetEpoch(epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var real = batch["image"];
        var fake = generator.call(randn(real.shape[0], 128)).view(-1, 3, 32, 32);

        optD.zero_grad();
        var lossD = functional.binary_cross_entropy_with_logits(discriminator.call(real), ones(real.shape[0], 1))
                  + functional.binary_cross_entropy_with_logits(discriminator.call(fake.detach()), zeros(real.shape[0], 1));
        lossD.backward();
        optD.step();

        optG.zero_grad();
        var lossG = functional.binary_cross_entropy_with_logits(discriminator.call(fake), ones(real.shape[0], 1));
        lossG.backward();
        optG.step();
    }

    if (Dist.Rank == 0)
    {
        preview.SetEpoch(epoch);
        RenderPreview(epoch);
    }
}
