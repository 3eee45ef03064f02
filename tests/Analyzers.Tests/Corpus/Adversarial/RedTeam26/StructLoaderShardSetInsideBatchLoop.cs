// Scenario: a struct loader of the user's (`Sampler` property only) built from `ISampler order = distributed ? shard : new RandomSampler(…)`; the user sets `shard`'s epoch on the first batch, inside the batch loop. The pages: a setter on a sampler variable the loader was built from, written inside its iteration, is CMP005 (the variable is used inside the order's values in view); it still counts as handling for CMP002. One CMP005.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.StructLoader;

public readonly struct RowLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _rows;
    private readonly int _batchSize;

    public RowLoader(InMemoryDataset rows, ISampler sampler, int batchSize)
    {
        _rows = rows;
        Sampler = sampler;
        _batchSize = batchSize;
    }

    public ISampler Sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] chunk in Sampler.Chunk(_batchSize)) yield return _rows.GetBatch(chunk);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TabularTraining
{
    public static void Fit(InMemoryDataset rows, torch.nn.Module<Tensor, Tensor> model, bool distributed, int rank, int worldSize, int epochs)
    {
        var optimizer = torch.optim.Adam(model.parameters());
        var shard = new DistributedSampler(rows.Count, numReplicas: worldSize, rank: rank, seed: 2024);
        ISampler order = distributed ? shard : new RandomSampler(rows.Count, seed: 2024);
        var loader = new RowLoader(rows, order, 512);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int step = 0;
            foreach (var batch in loader)
            {
                if (step++ == 0 && distributed) shard.SetEpoch(epoch); //! CMP005
                optimizer.zero_grad();
                using var loss = torch.nn.functional.binary_cross_entropy_with_logits(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
