// Scenario: a metric-learning loop sets the epoch on its ClassBalancedBatchSampler variable and also, harmlessly, on loader.Sampler: correct, the batch sampler is handled.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MetricLearning.Loops;

public static class ProxyAnchorTraining
{
    public static void Run(FashionMnist images, int epochs)
    {
        IReadOnlyList<long> labels = images.Columns["label"].data<long>().ToArray();
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 1);
        using var loader = new EpochDataLoader(images, batchSampler: pk);

        var backbone = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 32));
        var proxies = nn.Parameter(randn(10, 32));
        var optimizer = optim.Adam(backbone.parameters().Append(proxies), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            pk.SetEpoch(epoch);
            (loader.Sampler as IEpochAware)?.SetEpoch(epoch);

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var embeddings = nn.functional.normalize(backbone.forward(batch["data"]), dim: 1);
                var logits = embeddings.matmul(nn.functional.normalize(proxies, dim: 1).t()) * 16;
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
