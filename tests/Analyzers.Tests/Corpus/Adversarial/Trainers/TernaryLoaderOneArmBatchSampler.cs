// Scenario: a ?: chooses between a class-balanced batch-sampler loader and a plain shuffling loader, and the loop sets only loader.Sampler's epoch: a bug on the balanced arm.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MetricLearning.Options;

public static class BalancedOrPlain
{
    public static void Run(FashionMnist images, bool classBalanced, int epochs)
    {
        IReadOnlyList<long> labels = images.Columns["label"].data<long>().ToArray();
        using var train = classBalanced
            ? new EpochDataLoader(images, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 8))
            : new EpochDataLoader(images, batchSize: 80, shuffle: true);

        var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10));
        var optimizer = optim.Adam(model.parameters());

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (train.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"[{(classBalanced ? "balanced" : "plain")}] epoch {epoch} done");
        }
    }
}
