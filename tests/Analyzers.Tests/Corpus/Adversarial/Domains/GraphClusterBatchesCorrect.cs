// Scenario: Cluster-GCN style training where each batch is the union of a few METIS partitions, drawn by an epoch-aware batch sampler of the user's that deals clusters to ranks; a static helper ported from a Lightning callback sets the epoch on both the loader's batch sampler and its sampler, and the loop calls it every epoch (right, no diagnostic: the sampler call is harmless and the batch sampler is set in the same member).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.GraphClusterBatchesCorrect;

/// <summary>Shuffles the partitions from (seed, epoch), groups `clustersPerBatch` of them per batch,
/// and keeps every `worldSize`-th batch for this rank.</summary>
public sealed class ClusterGcnBatchSampler : IBatchSampler, IEpochAware
{
    private readonly long[][] _partitions;
    private readonly int _clustersPerBatch, _rank, _worldSize, _seed;
    private int _epoch;

    public ClusterGcnBatchSampler(long[][] partitions, int clustersPerBatch, int rank, int worldSize, int seed)
    {
        (_partitions, _clustersPerBatch, _rank, _worldSize, _seed) = (partitions, clustersPerBatch, rank, worldSize, seed);
    }

    public long Count => _partitions.Length / _clustersPerBatch / _worldSize;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var order = Enumerable.Range(0, _partitions.Length).ToArray();
        new Random(HashCode.Combine(_seed, _epoch)).Shuffle(order);
        var batches = order.Chunk(_clustersPerBatch).Where(c => c.Length == _clustersPerBatch)
            .Select(c => c.SelectMany(p => _partitions[p]).ToArray());
        return batches.Where((_, i) => i % _worldSize == _rank).Take((int)Count).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class ClusterGcnRun
{
    // Ported from our Lightning callback: newer loaders reshuffle through the batch sampler, older ones through the sampler.
    static void ReshuffleForEpoch(EpochDataLoader loader, int epoch)
    {
        if (loader.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
        if (loader.Sampler is IEpochAware indices) indices.SetEpoch(epoch);
    }

    public static void Train(InMemoryDataset nodes, long[][] partitions, int classes, int epochs)
    {
        Dist.Initialize();
        var clusters = new ClusterGcnBatchSampler(partitions, clustersPerBatch: 20, Dist.Rank, Dist.WorldSize, seed: 123);
        using var loader = new EpochDataLoader(nodes, batchSampler: clusters);

        long dim = nodes.Columns["x"].shape[1];
        var model = nn.Sequential(nn.Linear(dim, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, classes));
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr: 5e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ReshuffleForEpoch(loader, epoch);
            model.train();
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                // Features were pre-propagated over each cluster's induced subgraph (SIGN-style) when `nodes` was built.
                var loss = nn.functional.cross_entropy(model.call(batch["x"]), batch["y"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }
            if (Dist.Rank == 0 && epoch % 10 == 0) Console.WriteLine($"epoch {epoch} done");
        }
    }
}
