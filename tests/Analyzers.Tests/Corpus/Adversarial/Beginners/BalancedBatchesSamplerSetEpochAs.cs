// Scenario: beginner follows a "balanced batches" blog post: ClassBalancedBatchSampler as the loader's batchSampler, then `(loader.Sampler as IEpochAware)?.SetEpoch(epoch)` out of habit: wrong, Sampler is not the P×K batch sampler, so every epoch gets the same batches (CMP001)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var data = new FashionMnist();

// labels as a plain array for the balanced sampler
var labels = data.Columns["label"].data<long>().ToArray();
Console.WriteLine($"{labels.Length} labels, {labels.Distinct().Count()} classes");

// 8 classes x 8 images = 64 per batch
var balanced = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 8, seed: 2024);
var loader = new EpochDataLoader(data, batchSampler: balanced);

var embedder = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 256)),
    ("relu", ReLU()),
    ("fc2", Linear(256, 64)));
var classifier = Linear(64, 10);

var allParams = embedder.parameters().Concat(classifier.parameters());
var optimizer = torch.optim.Adam(allParams, lr: 3e-4);

for (int epoch = 0; epoch < 20; epoch++)
{
    (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

    double sum = 0;
    int count = 0;
    foreach (var batch in loader)
    {
        using var _ = torch.NewDisposeScope();
        var emb = embedder.forward(batch["data"]);
        emb = functional.normalize(emb, p: 2, dim: 1);
        var logits = classifier.forward(emb);
        var loss = functional.cross_entropy(logits, batch["label"]);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        sum += loss.item<float>();
        count++;
        if (count % 100 == 0)
            Console.Write(".");
    }
    Console.WriteLine();
    Console.WriteLine($"Epoch {epoch + 1} avg loss {sum / count:F3}");
}
