// Scenario: epoch 0 decodes PNG frames from disk in order and caches the tensors; from epoch 1 a shuffling EpochDataLoader over the cache (built once, with a fixed seed) is set to the epoch before each pass — right: the order-dependent loader is told the epoch, and the first, in-order pass needs none.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Video.Frames;

public static class CachedFrameTraining
{
    public static void Run(string framesRoot, int epochs)
    {
        // decodes every PNG lazily; 3×64×64 after Resize
        using var frames = new ImageFolder(framesRoot, new Resize(64, 64));
        using var firstPass = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
            frames, ImageFolder.Collate, batchSize: 128, workers: 4);

        var model = nn.Sequential(
            ("conv", nn.Conv2d(3, 24, 3, padding: 1)), ("relu", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(4)),
            ("flat", nn.Flatten()), ("fc", nn.Linear(24 * 16, frames.Classes.Count)));
        var optimizer = optim.Adam(model.parameters(), 1e-3);

        EpochDataLoader? cached = null;
        var images = new List<Tensor>();
        var labels = new List<Tensor>();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (cached is null)
            {
                foreach (var batch in firstPass)
                {
                    Step(batch);
                    images.Add(batch["data"]);
                    labels.Add(batch["label"]);
                }
                var cache = new InMemoryDataset(new Dictionary<string, Tensor>
                {
                    ["data"] = torch.cat(images, 0),
                    ["label"] = torch.cat(labels, 0),
                });
                cached = new EpochDataLoader(cache, batchSize: 128, shuffle: true, seed: 9, disposeDataset: true);
                Console.WriteLine($"epoch 0 decoded and cached {cache.Count} frames");
                continue;
            }

            cached.SetEpoch(epoch);
            foreach (var batch in cached)
                Step(batch);
        }
        cached?.Dispose();

        void Step(Dictionary<string, Tensor> batch)
        {
            using var scope = torch.NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
