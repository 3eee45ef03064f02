// Scenario: Lightning-style epoch hook sets the epoch on loader.Sampler and also on loader.BatchSampler (a class-balanced batch sampler) each pass: correct, the batch sampler is handled.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Experiments.MetricLearning;

public sealed class ProxyTrainer(InMemoryDataset data, IReadOnlyList<long> labels)
{
    private readonly EpochDataLoader _loader =
        new(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 5));

    public void Fit(nn.Module<Tensor, Tensor> embedder, Parameter proxies, int epochs)
    {
        var optimizer = optim.Adam(embedder.parameters().Append(proxies), lr: 1e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (_loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
            if (_loader.BatchSampler is IEpochAware batchSampler) batchSampler.SetEpoch(epoch);

            foreach (var batch in _loader)
            {
                optimizer.zero_grad();
                using var emb = nn.functional.normalize(embedder.forward(batch["data"]), dim: 1);
                using var p = nn.functional.normalize(proxies, dim: 1);
                using var logits = emb.matmul(p.t()) * 32;
                using var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
