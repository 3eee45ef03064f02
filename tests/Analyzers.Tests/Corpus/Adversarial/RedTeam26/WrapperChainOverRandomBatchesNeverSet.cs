// Scenario: the user's batch sampler wrappers chained (SkipBatches over DropShortBatches over a BatchSampler over a RandomSampler), neither wrapper epoch-aware, fed to the user's loader through locals; the loop never sets the epoch. The pages: a batch sampler of yours "not epoch-aware itself but … handed an epoch-dependent sampler" has its order (the session extends this to an inner batch sampler), so the loader is epoch-dependent and its iteration is CMP002.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.WrapperChain;

/// <summary>Drops the ragged last batch of another batch sampler.</summary>
public sealed class DropShortBatches : IBatchSampler
{
    private readonly IBatchSampler _inner;
    private readonly int _size;
    public DropShortBatches(IBatchSampler inner, int size) { _inner = inner; _size = size; }
    public long Count => _inner.Count - 1;
    public IEnumerator<long[]> GetEnumerator() => _inner.Where(b => b.Length == _size).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Skips the batches already seen before a restart.</summary>
public sealed class SkipBatches(IBatchSampler inner, int skip) : IBatchSampler
{
    public long Count => Math.Max(0, inner.Count - skip);
    public IEnumerator<long[]> GetEnumerator() => inner.Skip(skip).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class FeatureLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public FeatureLoader(InMemoryDataset dataset, IBatchSampler batchSampler) { Dataset = dataset; BatchSampler = batchSampler; }
    public InMemoryDataset Dataset { get; }
    public IBatchSampler BatchSampler { get; }
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => BatchSampler.Select(Dataset.GetBatch).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Resume
{
    public static void Continue(InMemoryDataset data, torch.nn.Module<Tensor, Tensor> model, int startEpoch, int skip, int epochs)
    {
        var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        var batches = new BatchSampler(new RandomSampler(data.Count, seed: 99), 48);
        var trimmed = new DropShortBatches(batches, 48);
        var resumed = new SkipBatches(trimmed, skip);
        var loader = new FeatureLoader(data, resumed);

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = model.forward(batch["features"]).abs().mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
