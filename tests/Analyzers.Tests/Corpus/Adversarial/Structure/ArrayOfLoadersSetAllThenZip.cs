// Scenario: a top-level contrastive-pretraining program puts its image and text loaders (one shuffle: true, one with a RandomSampler) in an array, sets every element's epoch at the top of each epoch, then zips the two loaders (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int N = 4096;
var images = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(N, 512) });
var captions = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(N, 300) });

using var imageLoader = new EpochDataLoader(images, batchSize: 256, shuffle: true, seed: 1);
using var textLoader = new EpochDataLoader(captions, batchSize: 256, sampler: new RandomSampler(captions.Count, seed: 2));
var loaders = new[] { imageLoader, textLoader };

var imageProj = nn.Linear(512, 128);
var textProj = nn.Linear(300, 128);
var optimizer = optim.Adam(imageProj.parameters().Concat(textProj.parameters()), lr: 1e-3);

for (int epoch = 0; epoch < 10; epoch++)
{
    foreach (var loader in loaders) loader.SetEpoch(epoch);

    double total = 0;
    foreach (var (img, txt) in imageLoader.Zip(textLoader))
    {
        optimizer.zero_grad();
        var a = nn.functional.normalize(imageProj.forward(img["x"]), dim: 1);
        var b = nn.functional.normalize(textProj.forward(txt["x"]), dim: 1);
        var logits = a.matmul(b.t()) / 0.07;
        var targets = torch.arange(logits.shape[0]);
        using var loss = (nn.functional.cross_entropy(logits, targets) + nn.functional.cross_entropy(logits.t(), targets)) / 2;
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: {total:F3}");
}

// Quick retrieval check on the first 512 pairs, read straight from the data sets.
using (torch.no_grad())
{
    var a = nn.functional.normalize(imageProj.forward(images.Columns["x"].narrow(0, 0, 512)), dim: 1);
    var b = nn.functional.normalize(textProj.forward(captions.Columns["x"].narrow(0, 0, 512)), dim: 1);
    var top1 = a.matmul(b.t()).argmax(1).eq(torch.arange(512)).to_type(ScalarType.Float32).mean().item<float>();
    Console.WriteLine($"image→text top-1 on 512 pairs: {top1:P1}");
}
imageProj.save("image-proj.bin");
textProj.save("text-proj.bin");
