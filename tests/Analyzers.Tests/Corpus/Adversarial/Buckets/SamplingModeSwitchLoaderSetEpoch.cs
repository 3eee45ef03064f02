// Scenario: a record config picks the batch sampler with a switch expression (runtime P×K, a hand-written per-class round-robin sampler, or BatchSampler over RandomSampler); the trainer (primary constructor) calls loader.SetEpoch(epoch) every epoch — right whatever the arm. No diagnostic.
using Composer.Data;
using static TorchSharp.torch;

namespace Retrieval;

public enum SamplingMode { ClassBalanced, RoundRobin, Uniform }

public sealed record SamplingConfig(SamplingMode Mode, int ClassesPerBatch = 8, int SamplesPerClass = 4, int BatchSize = 32, int Seed = 0);

/// <summary>Hand-written: cycles through classes in a per-epoch order, one sample of each class per slot.</summary>
public sealed class RoundRobinClassBatchSampler(long[] labels, int batchSize, int seed) : IBatchSampler, IEpochAware
{
    private int _epoch;

    public long Count => labels.Length / batchSize;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(unchecked(seed * 31 + _epoch));
        var queues = labels.Select((label, i) => (label, i: (long)i))
            .GroupBy(x => x.label)
            .OrderBy(_ => rng.Next())
            .Select(g => new Queue<long>(g.Select(x => x.i).OrderBy(_ => rng.Next())))
            .ToList();
        var stream = new List<long>(labels.Length);
        while (queues.Any(q => q.Count > 0))
            foreach (var q in queues.Where(q => q.Count > 0)) stream.Add(q.Dequeue());
        return stream.Chunk(batchSize).Where(b => b.Length == batchSize).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class EmbeddingTrainer(SamplingConfig config, nn.Module<Tensor, Tensor> encoder)
{
    public void Fit(InMemoryDataset data, long[] labels, int epochs)
    {
        IBatchSampler batches = config.Mode switch
        {
            SamplingMode.ClassBalanced => new ClassBalancedBatchSampler(labels, config.ClassesPerBatch, config.SamplesPerClass, config.Seed),
            SamplingMode.RoundRobin => new RoundRobinClassBatchSampler(labels, config.BatchSize, config.Seed),
            _ => new BatchSampler(new RandomSampler(data.Count, config.Seed), config.BatchSize, dropLast: true),
        };
        using var loader = new EpochDataLoader(data, batchSampler: batches);
        var optimizer = optim.Adam(encoder.parameters(), 1e-4);

        foreach (int epoch in Enumerable.Range(0, epochs))
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var emb = nn.functional.normalize(encoder.call(batch["data"]), dim: 1);
                var sim = emb.matmul(emb.t()) / 0.07;
                var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1)).to_type(ScalarType.Float32);
                var loss = -(sim.log_softmax(1) * same).sum(1).div(same.sum(1)).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
