// Scenario: a domain-adaptation trainer class whose PrepareEpoch helper (same file) sets only the source loader field; the target loader field, built in the constructor over a shuffling distributed batch sampler, is zipped in every pass and only its batch count is read — wrong for the target loader.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.DomainAdaptationHelperSetsOnlySourceField;

public sealed class AdaptationTrainer : IDisposable
{
    private readonly EpochDataLoader _source;
    private readonly EpochDataLoader _target;
    private readonly nn.Module<Tensor, Tensor> _encoder = nn.Sequential(("e1", nn.Linear(64, 128)), ("act", nn.ReLU()), ("e2", nn.Linear(128, 32)));
    private readonly nn.Module<Tensor, Tensor> _head = nn.Linear(32, 6);
    private readonly optim.Optimizer _optimizer;
    private int _epoch;
    private double _bestGap = double.MaxValue;
    private int _stale;

    public AdaptationTrainer(InMemoryDataset source, InMemoryDataset target)
    {
        _source = new EpochDataLoader(source, batchSize: 64, shuffle: true, seed: 1, dropLast: true);
        _target = new EpochDataLoader(target, batchSampler: new BatchSampler(new DistributedSampler(target.Count, numReplicas: 1, rank: 0, seed: 5), 64, dropLast: true));
        _optimizer = optim.Adam(_encoder.parameters().Concat(_head.parameters()), lr: 1e-3);
    }

    private void PrepareEpoch(int epoch)
    {
        // reshuffle the labelled source domain
        _source.SetEpoch(epoch);
        Console.WriteLine($"epoch {epoch}: {_source.Count} source / {_target.BatchSampler.Count} target batches");
    }

    public void Fit()
    {
        while (_stale < 5)
        {
            PrepareEpoch(_epoch);
            double gap = 0;
            foreach (var (s, t) in _source.Zip(_target)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var fs = _encoder.forward(s["data"]);
                var ft = _encoder.forward(t["data"]);
                var align = (fs.mean(new long[] { 0 }) - ft.mean(new long[] { 0 })).pow(2).sum();
                var loss = nn.functional.cross_entropy(_head.forward(fs), s["label"]) + align;
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                gap += align.item<float>();
            }
            if (gap < _bestGap) { _bestGap = gap; _stale = 0; } else _stale++;
            _epoch++;
        }
    }

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
    }
}

public static class Program
{
    public static void Main()
    {
        using var source = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(6_000, 64), ["label"] = randint(0, 6, new long[] { 6_000 }) });
        using var target = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(4_000, 64) * 1.5f });
        using var trainer = new AdaptationTrainer(source, target);
        trainer.Fit();
    }
}
