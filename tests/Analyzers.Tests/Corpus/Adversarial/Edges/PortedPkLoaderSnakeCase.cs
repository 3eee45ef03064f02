// Scenario: a P×K loader ported from PyTorch (snake_case `sampler`/`batch_sampler` members) is built with a batch_sampler, and the loop sets the epoch only via `if (loader.sampler is IEpochAware s)`; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.PortedPkLoaderSnakeCase;

/// <summary>Port of a PyTorch DataLoader(dataset, batch_sampler=...): sampler is unused when batch_sampler is set.</summary>
public sealed class PkLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public PkLoader(InMemoryDataset dataset, IBatchSampler batch_sampler)
    {
        this.dataset = dataset;
        this.batch_sampler = batch_sampler;
        sampler = new SequentialSampler(dataset.Count);
    }

    public InMemoryDataset dataset { get; }
    public ISampler sampler { get; }
    public IBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler)
            yield return dataset.GetBatch(indices);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class MetricLearning
{
    public static void Train(nn.Module<Tensor, Tensor> embedder, InMemoryDataset data, IReadOnlyList<long> labels, int epochs, double margin = 0.2)
    {
        var optimizer = optim.Adam(embedder.parameters(), lr: 1e-4);
        var loader = new PkLoader(data, batch_sampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 0));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var emb = nn.functional.normalize(embedder.forward(batch["x"]), p: 2, dim: 1);
                using var dist = cdist(emb, emb);
                using var same = batch["y"].unsqueeze(1).eq(batch["y"].unsqueeze(0));
                using var hardestPos = dist.masked_fill(same.logical_not(), 0).max(1).values;
                using var hardestNeg = dist.masked_fill(same, 1e9).min(1).values;
                using var loss = nn.functional.relu(hardestPos - hardestNeg + margin).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
