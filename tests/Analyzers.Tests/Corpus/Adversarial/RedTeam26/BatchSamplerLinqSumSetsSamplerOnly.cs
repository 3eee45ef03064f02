// Scenario: the user's loader (Sampler and BatchSampler properties) is built with a BatchSampler over a DistributedSampler; each epoch the loop logs how many rows the batch sampler will yield with LINQ (`loader.BatchSampler.Sum(b => (long)b.Length)`) and sets only loader.Sampler. The pages: "Reading it (L.BatchSampler.Count, L.BatchSampler.GetType()) does not count", and LINQ neither sets an epoch nor keeps what it is given; nothing handles the batch sampler, so CMP001 on the sampler setter.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.LinqRead;

public sealed class GraphLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _graphs;

    public GraphLoader(InMemoryDataset graphs, IBatchSampler batches)
    {
        _graphs = graphs;
        BatchSampler = batches;
        Sampler = new SequentialSampler(graphs.Count);
    }

    public ISampler Sampler { get; }
    public IBatchSampler BatchSampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => BatchSampler.Select(_graphs.GetBatch).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class GnnTraining
{
    public static void Run(InMemoryDataset graphs, torch.nn.Module<Tensor, Tensor> gnn, int rank, int worldSize, int epochs)
    {
        var optimizer = torch.optim.Adam(gnn.parameters(), 1e-3);
        var shard = new DistributedSampler(graphs.Count, numReplicas: worldSize, rank: rank, seed: 5);
        var loader = new GraphLoader(graphs, new BatchSampler(shard, 24));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
            long rows = loader.BatchSampler.Sum(b => (long)b.Length);
            Console.WriteLine($"rank {rank} epoch {epoch}: {rows} graphs in {loader.BatchSampler.Count} batches");

            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = gnn.forward(batch["node_features"]).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
