// Scenario: a user-written ISampler + IEpochAware stratified sampler sharded by rank is passed as `sampler:` and the loop sets the epoch on that sampler variable before every pass: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Contoso.Ml;

/// <summary>Shuffles within each class, interleaves classes, then keeps this rank's stride.</summary>
public sealed class StratifiedShardSampler : ISampler, IEpochAware
{
    readonly long[][] _byClass;
    readonly int _seed, _rank, _world;
    int _epoch;

    public StratifiedShardSampler(IReadOnlyList<long> labels, int seed, int rank, int world)
    {
        _byClass = labels.Select((label, index) => (label, index: (long)index))
            .GroupBy(p => p.label).OrderBy(g => g.Key).Select(g => g.Select(p => p.index).ToArray()).ToArray();
        (_seed, _rank, _world) = (seed, rank, world);
        Count = labels.Count / world;
    }

    public long Count { get; }

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var rng = new Random(_seed * 10_007 + _epoch);
        var queues = _byClass.Select(c => new Queue<long>(c.OrderBy(_ => rng.Next()))).ToArray();
        var all = new List<long>();
        while (queues.Any(q => q.Count > 0))
            foreach (var q in queues)
                if (q.TryDequeue(out var i)) all.Add(i);
        return all.Where((_, position) => position % _world == _rank).Take((int)Count).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class StratifiedTraining
{
    public static void Run(FashionMnist data, int epochs)
    {
        var labels = data.Columns["label"].data<long>().ToArray();
        var strat = new StratifiedShardSampler(labels, seed: 8, rank: Dist.Rank, world: Dist.WorldSize);
        var loader = new EpochDataLoader(data, batchSize: 50, sampler: strat);
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 64)), ("act", nn.SiLU()), ("fc2", nn.Linear(64, 10)));
        var opt = optim.Adagrad(model.parameters(), lr: 0.05);
        using var reducer = new GradientAllReducer(model);

        for (var epoch = 0; epoch < epochs; ++epoch)
        {
            strat.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                opt.step();
            }
        }
    }
}
