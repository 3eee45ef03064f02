// Scenario: an epoch-aware bucketing batch sampler that wraps a RandomSampler and forwards SetEpoch to it; the loop keeps the old loader.Sampler line but also sets loader.BatchSampler on the same pass — right: the batch sampler (and through it the inner sampler) gets the epoch. No diagnostic.
using Composer.Data;
using static TorchSharp.torch;

namespace Ner.Training;

public sealed class BucketedBatchSampler : IBatchSampler, IEpochAware
{
    private readonly ISampler _inner;
    private readonly IReadOnlyList<int> _lengths;
    private readonly int _batchSize;
    private readonly int _poolFactor;

    public BucketedBatchSampler(ISampler inner, IReadOnlyList<int> lengths, int batchSize, int poolFactor = 100)
    {
        _inner = inner;
        _lengths = lengths;
        _batchSize = batchSize;
        _poolFactor = poolFactor;
    }

    public long Count => (_inner.Count + _batchSize - 1) / _batchSize;

    /// <summary>Forwards to the wrapped sampler: the pools are cut from its (epoch-dependent) order.</summary>
    public void SetEpoch(int epoch)
    {
        if (_inner is IEpochAware aware) aware.SetEpoch(epoch);
    }

    public IEnumerator<long[]> GetEnumerator()
    {
        // AllenNLP's BucketIterator: take a pool of batches from the shuffled stream, sort it by length, cut it.
        foreach (var pool in _inner.Chunk(_batchSize * _poolFactor))
            foreach (var batch in pool.OrderBy(i => _lengths[(int)i]).Chunk(_batchSize))
                yield return batch;
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class NerTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> tagger, InMemoryDataset sentences, IReadOnlyList<int> lengths, int epochs)
    {
        using var loader = new EpochDataLoader(sentences,
            batchSampler: new BucketedBatchSampler(new RandomSampler(sentences.Count, seed: 13), lengths, batchSize: 32));
        var optimizer = optim.Adam(tagger.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);   // kept from the PyTorch script
            if (loader.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);

            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(tagger.call(batch["tokens"]), batch["tags"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: loss {total / loader.Count:F4}");
        }
    }
}
