// Scenario: a library's loader ported from PyTorch exposes only a Sampler (a DistributedSampler, no batch sampler), and its Fit sets loader.Sampler's epoch each epoch (right)
using Composer.Data;
using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace Ported.Data;

/// <summary>
/// A port of a PyTorch <c>DataLoader(dataset, batch_size, sampler=DistributedSampler(dataset))</c>: batches are cut
/// from the sampler's indices in order.
/// </summary>
public sealed class ShardLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _dataset;
    private readonly int _batchSize;

    public ShardLoader(InMemoryDataset dataset, int batchSize, int seed = 0)
    {
        _dataset = dataset;
        _batchSize = batchSize;
        Sampler = new DistributedSampler(dataset.Count, seed: seed);
    }

    /// <summary>The shard sampler; call <c>Sampler.SetEpoch(epoch)</c> before each epoch, as in PyTorch.</summary>
    public DistributedSampler Sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var chunk in Sampler.Chunk(_batchSize))
            yield return _dataset.GetBatch(chunk);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class ShardTraining
{
    /// <summary>Trains <paramref name="model"/> on this rank's shard; reshuffles the shard every epoch.</summary>
    public static void Fit(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, ShardLoader loader, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.Sampler.SetEpoch(epoch);
            model.train();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }
        }
    }
}
