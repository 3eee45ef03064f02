// Scenario: the team dropped the bucket batch sampler for training: the trainer's field is built in the constructor with sampler: (a DistributedSampler or a RandomSampler, chosen with ?:) and batchSize, and the epoch is set through _train.Sampler — right: the loader builds its own BatchSampler over that very sampler. Evaluation keeps a fixed bucket order. No diagnostic.
using Composer.Data;
using static TorchSharp.torch;

namespace Ranking;

/// <summary>Evaluation only: batches of queries sorted by candidate count, in a fixed order.</summary>
public sealed class SortedQueryBatchSampler(int[] candidateCounts, int batchSize) : IBatchSampler
{
    public long Count => (candidateCounts.Length + batchSize - 1) / batchSize;

    public IEnumerator<long[]> GetEnumerator() =>
        Enumerable.Range(0, candidateCounts.Length).OrderBy(i => candidateCounts[i]).Select(i => (long)i).Chunk(batchSize).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class RankerTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _ranker;

    public RankerTrainer(nn.Module<Tensor, Tensor> ranker, InMemoryDataset train, InMemoryDataset eval, int[] evalCandidates, int worldSize, int rank)
    {
        _ranker = ranker;
        _train = worldSize > 1
            ? new EpochDataLoader(train, batchSize: 128, sampler: new DistributedSampler(train.Count, worldSize, rank, seed: 9), dropLast: true)
            : new EpochDataLoader(train, batchSize: 128, sampler: new RandomSampler(train.Count, seed: 9), dropLast: true);
        _eval = new EpochDataLoader(eval, batchSampler: new SortedQueryBatchSampler(evalCandidates, 64));
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_ranker.parameters(), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (_train.Sampler is IEpochAware sampler)
                sampler.SetEpoch(epoch);

            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var scores = _ranker.call(batch["features"]).squeeze(-1);
                var loss = nn.functional.binary_cross_entropy_with_logits(scores, batch["clicked"]);
                loss.backward();
                optimizer.step();
            }

            double ndcgProxy = 0;
            using (no_grad())
                foreach (var batch in _eval)
                    ndcgProxy += _ranker.call(batch["features"]).sigmoid().mean().item<float>();
            Console.WriteLine($"epoch {epoch}: eval {ndcgProxy / _eval.Count:F4}");
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _eval.Dispose();
    }
}
