// Scenario: a P×K metric-learning trainer picks its batch sampler with a switch expression (ClassBalancedBatchSampler or a plain shuffled BatchSampler) and, as in PyTorch code that calls loader.sampler.set_epoch, sets the epoch through `(loader.Sampler as IEpochAware)?.SetEpoch` — the loader draws from a batch sampler, so its Sampler is sequential and nothing reshuffles — wrong (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.MetricLearningMPerClassSamplerOnly;

public enum SamplingMode { PK, Random }

public sealed record PkConfig(SamplingMode Mode, int P, int K, int Epochs, double Lr, int Seed);

public sealed class PkTrainer
{
    private readonly PkConfig _cfg;
    private readonly nn.Module<Tensor, Tensor> _embedder;
    private readonly EpochDataLoader _loader;

    public PkTrainer(PkConfig cfg, nn.Module<Tensor, Tensor> embedder, InMemoryDataset train, IReadOnlyList<long> labels)
    {
        _cfg = cfg;
        _embedder = embedder;
        IBatchSampler batches = cfg.Mode switch
        {
            SamplingMode.PK => new ClassBalancedBatchSampler(labels, cfg.P, cfg.K, seed: cfg.Seed),
            _ => new BatchSampler(new RandomSampler(labels.Count, seed: cfg.Seed), cfg.P * cfg.K, dropLast: true),
        };
        _loader = new EpochDataLoader(train, batchSampler: batches);
    }

    public IReadOnlyList<double> Fit()
    {
        var optimizer = optim.Adam(_embedder.parameters(), _cfg.Lr);
        var history = new List<double>();
        for (int epoch = 0; epoch < _cfg.Epochs; epoch++)
        {
            (_loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

            double total = 0;
            foreach (var batch in _loader)
            {
                using var scope = NewDisposeScope();
                var emb = nn.functional.normalize(_embedder.call(batch["image"]), dim: 1);
                var loss = ContrastiveLoss(emb, batch["label"], 0.5);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            history.Add(total / _loader.Count);
            Console.WriteLine($"epoch {epoch}: loss {history[^1]:F4}");
        }
        return history;
    }

    private static Tensor ContrastiveLoss(Tensor emb, Tensor labels, double negMargin)
    {
        var sim = emb.matmul(emb.t());
        var same = labels.unsqueeze(0).eq(labels.unsqueeze(1)).to_type(ScalarType.Float32);
        var pos = (1 - sim) * same;
        var neg = nn.functional.relu(sim - negMargin) * (1 - same);
        return (pos + neg).sum() / (labels.shape[0] * labels.shape[0]);
    }
}
