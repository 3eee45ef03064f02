// Scenario: multi-task training zips an EpochDataLoader fed by a length-bucketing batch sampler (epoch set right with Epochs.SetEpoch) with an auxiliary TorchSharp DataLoader built with shuffle: true, seed: 42 — wrong for the auxiliary one: TorchSharp reseeds from 42 at every enumeration, so its order repeats every epoch (CMP003).
using Composer.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MultiTask;

public sealed class BucketBatchSampler : IBatchSampler, IEpochAware
{
    private readonly int[] _lengths;
    private readonly int _batchSize, _bucketWidth, _seed;
    private int _epoch;

    public BucketBatchSampler(int[] lengths, int batchSize, int bucketWidth = 16, int seed = 0) =>
        (_lengths, _batchSize, _bucketWidth, _seed) = (lengths, batchSize, bucketWidth, seed);

    public long Count => _lengths.Select((l, i) => (l / _bucketWidth, i)).GroupBy(x => x.Item1)
        .Sum(g => (g.Count() + _batchSize - 1) / _batchSize);

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(_seed + 1000 * _epoch);
        var batches = Enumerable.Range(0, _lengths.Length)
            .GroupBy(i => _lengths[i] / _bucketWidth)
            .SelectMany(g => g.OrderBy(_ => rng.Next()).Select(i => (long)i).Chunk(_batchSize))
            .ToArray();
        rng.Shuffle(batches);
        return ((IEnumerable<long[]>)batches).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class MultiTaskFit
{
    public static void Fit(InMemoryDataset tagging, int[] sentenceLengths, InMemoryDataset contrastive, nn.Module<Tensor, Tensor> encoder, int epochs)
    {
        using var train = new EpochDataLoader(tagging, batchSampler: new BucketBatchSampler(sentenceLengths, 32, seed: 7));
        using var aux = new DataLoader(contrastive, 64, shuffle: true, seed: 42); //! CMP003
        var optimizer = optim.Adam(encoder.parameters(), 2e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            foreach (var (main, extra) in train.Zip(aux))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var tagLoss = nn.functional.cross_entropy(encoder.call(main["data"]), main["label"]);
                var auxLoss = encoder.call(extra["data"]).pow(2).mean();
                (tagLoss + 0.1 * auxLoss).backward();
                optimizer.step();
            }
        }
    }
}
