// Scenario: CLIP-style contrastive training resumed at a checkpoint epoch in a while (!converged) loop; the image/caption loaders (through a list) and the hard-negative loader are all set to the resume epoch, which nothing ever advances — wrong (same epoch every pass).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.ContrastiveWhileCounterNeverAdvanced;

public static class Program
{
    public static void Main(string[] args)
    {
        int epoch = args.Length > 0 ? int.Parse(args[0]) : 0;
        using var imageSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(9_000, 256) });
        using var captionSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(9_000, 128) });
        using var negativeSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["image"] = randn(3_000, 256), ["caption"] = randn(3_000, 128) });

        using var images = new EpochDataLoader(imageSet, batchSize: 128, sampler: new DistributedSampler(imageSet.Count, numReplicas: 1, rank: 0, seed: 5));
        using var captions = new EpochDataLoader(captionSet, batchSize: 128, sampler: new DistributedSampler(captionSet.Count, numReplicas: 1, rank: 0, seed: 5));
        using var hardNegatives = new EpochDataLoader(negativeSet, batchSize: 64, shuffle: true, seed: 6);
        var views = new List<EpochDataLoader> { images, captions };

        var imageTower = nn.Linear(256, 64);
        var textTower = nn.Linear(128, 64);
        var optimizer = optim.AdamW(imageTower.parameters().Concat(textTower.parameters()), lr: 1e-4);
        var losses = new List<double>();
        bool converged = false;

        Tensor Clip(Tensor img, Tensor txt)
        {
            var a = nn.functional.normalize(imageTower.forward(img), 2.0, 1);
            var b = nn.functional.normalize(textTower.forward(txt), 2.0, 1);
            var logits = a.matmul(b.t()) * 14.3f;
            var targets = arange(logits.shape[0]);
            return (nn.functional.cross_entropy(logits, targets) + nn.functional.cross_entropy(logits.t(), targets)) / 2;
        }

        while (!converged)
        {
            // keep both views in step: same seed, same epoch
            views.ForEach(l => l.SetEpoch(epoch)); //! CMP004
            Epochs.SetEpoch(hardNegatives, epoch); //! CMP004

            double sum = 0;
            int steps = 0;
            foreach (var (img, txt) in images.Zip(captions))
            {
                using var scope = NewDisposeScope();
                var loss = Clip(img["data"], txt["data"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }
            foreach (var batch in hardNegatives)
            {
                using var scope = NewDisposeScope();
                var loss = Clip(batch["image"], batch["caption"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            losses.Add(sum / Math.Max(steps, 1));
            converged = losses.Count > 3 && losses[^4] - losses[^1] < 1e-3;
        }
    }
}
