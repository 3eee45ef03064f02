// Scenario: a library's ShardedFitter builds its loader with a DistributedSampler as sampler (no batch sampler) and sets the epoch through train.Sampler each epoch; the loader made its own BatchSampler over that sampler (right)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Sharded;

public sealed class ShardedFitter : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly EpochDataLoader _train;

    /// <summary>Shards <paramref name="data"/> across the job's ranks; <paramref name="batchSize"/> is per rank.</summary>
    public ShardedFitter(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int batchSize = 64, int seed = 0)
    {
        _model = model;
        _train = new EpochDataLoader(data, batchSize: batchSize,
            sampler: new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: seed));
    }

    public long BatchesPerEpoch => _train.Count;

    public void Fit(optim.Optimizer optimizer, int epochs)
    {
        using var reducer = new GradientAllReducer(_model);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // give every rank a new shard order
            ((DistributedSampler)_train.Sampler).SetEpoch(epoch);
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                optimizer.step();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} done");
        }
    }

    public void Dispose() => _train.Dispose();
}
