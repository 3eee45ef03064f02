// Scenario: a resumable trainer with a hand-written distributed length-bucket batch sampler sets the start epoch once before the loop, then, in a finally after each epoch's batch loop, sets epoch + 1 for the next pass — right: the epoch is set before each enumeration begins, never during it. No diagnostic.
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Pretraining;

public sealed class DistributedLengthBucketSampler : IBatchSampler, IEpochAware
{
    private readonly int[] _lengths;
    private readonly int _batchSize, _replicas, _rank, _seed;
    private int _epoch;

    public DistributedLengthBucketSampler(int[] lengths, int batchSize, int replicas, int rank, int seed)
    {
        (_lengths, _batchSize, _replicas, _rank, _seed) = (lengths, batchSize, replicas, rank, seed);
    }

    public long Count => _lengths.Length / (_batchSize * _replicas);

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(_seed + _epoch);
        // Same global batches on every rank (same seed and epoch), then batch b goes to rank b % replicas.
        var global = Enumerable.Range(0, _lengths.Length)
            .OrderBy(i => _lengths[i] / 32).ThenBy(_ => rng.Next())
            .Select(i => (long)i)
            .Chunk(_batchSize)
            .Where(b => b.Length == _batchSize)
            .OrderBy(_ => rng.Next())
            .ToArray();
        for (long b = _rank; b < Count * _replicas; b += _replicas) yield return global[b];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class ResumableTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, string checkpointPath)
{
    public void Fit(InMemoryDataset corpus, int[] lengths, int startEpoch, int maxEpochs)
    {
        using var train = new EpochDataLoader(corpus,
            batchSampler: new DistributedLengthBucketSampler(lengths, 64, Dist.WorldSize, Dist.Rank, seed: 17));

        train.SetEpoch(startEpoch);
        for (int epoch = startEpoch; epoch < maxEpochs; epoch++)
        {
            try
            {
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.call(batch["input_ids"]), batch["labels"]);
                    loss.backward();
                    optimizer.step();
                }
            }
            finally
            {
                // Prepare the next epoch's order even if this one was interrupted, so a restart resumes cleanly.
                train.SetEpoch(epoch + 1);
                if (Dist.Rank == 0) model.save(checkpointPath);
            }
        }
    }
}
