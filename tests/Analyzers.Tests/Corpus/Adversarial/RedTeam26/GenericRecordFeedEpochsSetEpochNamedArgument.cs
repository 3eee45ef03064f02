// Scenario: a generic positional record loader of the user's (`record TextFeed<T>(IReadOnlyList<T> Items, ISampler Sampler, int BatchSize)`) built with `Sampler: order` by name, where `ISampler order = distributed ? new DistributedSampler(…) : new RandomSampler(…)`; every epoch starts with Epochs.SetEpoch(feed, epoch). Right: the pages count Epochs.SetEpoch(L, e) as setting all of L, and at run time it reaches the record's Sampler property. No diagnostic.
using System.Collections;
using Composer.Data;

namespace RT26.RecordFeed;

public sealed record TextFeed<T>(IReadOnlyList<T> Items, ISampler Sampler, int BatchSize) : IEnumerable<T[]>
{
    public IEnumerator<T[]> GetEnumerator()
    {
        var batch = new List<T>(BatchSize);
        foreach (long i in Sampler)
        {
            batch.Add(Items[(int)i]);
            if (batch.Count == BatchSize)
            {
                yield return batch.ToArray();
                batch.Clear();
            }
        }
        if (batch.Count > 0) yield return batch.ToArray();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TokenizerPretraining
{
    public int Steps { get; private set; }

    public void Train(IReadOnlyList<string> corpus, bool distributed, int rank, int worldSize, int epochs)
    {
        ISampler order = distributed
            ? new DistributedSampler(corpus.Count, numReplicas: worldSize, rank: rank, seed: 1234)
            : new RandomSampler(corpus.Count, seed: 1234);
        var feed = new TextFeed<string>(corpus, Sampler: order, BatchSize: 256);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(feed, epoch);
            foreach (string[] lines in feed)
            {
                Steps++;
                if (Steps % 1000 == 0) Console.WriteLine($"step {Steps}: {lines[0].Length} chars in first line");
            }
        }
    }
}
