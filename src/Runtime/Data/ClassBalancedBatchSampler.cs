using System.Collections;

namespace Composer.Data;

/// <summary>
/// Batches of <c>P</c> classes × <c>K</c> samples each, for metric learning (triplet and contrastive
/// losses need several samples of a class in one batch). Reshuffled every epoch from <c>(seed, epoch)</c>
/// and split across ranks: every rank gets different batches and the same <see cref="Count"/>.
/// </summary>
/// <remarks>
/// An epoch has <c>labels.Count / (P × K)</c> batches in all, dealt round-robin to the ranks (a remainder
/// that would leave ranks uneven is dropped). Each class is walked in a fresh random order per epoch and
/// reshuffled when fewer than <c>K</c> of its samples are left; a class with fewer than <c>K</c> samples is drawn with replacement.
/// Forgetting <see cref="SetEpoch"/> replays epoch 0's batches every epoch.
/// The global sequence of an epoch's batches does not depend on the number of ranks: an epoch interrupted on any
/// number of ranks resumes on this sampler's ranks with <see cref="Resume(SamplerResumeState)"/>.
/// </remarks>
public sealed class ClassBalancedBatchSampler : IBatchSampler, IElasticSampler, IIndexLimit
{
    private readonly long[][] _classes; // sample indices of each class present in the labels
    private readonly long _labelCount;
    private readonly long _count;
    private readonly long _globalBatches; // labels.Count / (P × K): the batches of an epoch's global sequence
    private readonly ElasticEpoch _elastic;

    /// <summary>Creates a class-balanced batch sampler.</summary>
    /// <param name="labels">The class label of every sample of the data set.</param>
    /// <param name="classesPerBatch">P: distinct classes per batch; at most the number of classes.</param>
    /// <param name="samplesPerClass">K: samples of each class per batch.</param>
    /// <param name="seed">The seed that, with the epoch, fixes the batches; the same on every rank.</param>
    /// <param name="numReplicas">The number of processes; defaults to <see cref="Distributed.Dist.WorldSize"/>.</param>
    /// <param name="rank">This process's rank; defaults to <see cref="Distributed.Dist.Rank"/>.</param>
    public ClassBalancedBatchSampler(IReadOnlyList<long> labels, int classesPerBatch, int samplesPerClass, int seed = 0, int? numReplicas = null, int? rank = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Check.Positive(classesPerBatch);
        Check.Positive(samplesPerClass);
        (NumReplicas, Rank) = Check.Replicas(numReplicas, rank);
        _classes = labels
            .Select((label, index) => (label, index: (long)index))
            .GroupBy(x => x.label)
            .OrderBy(g => g.Key)
            .Select(g => g.Select(x => x.index).ToArray())
            .ToArray();
        if (classesPerBatch > _classes.Length)
            throw new ArgumentOutOfRangeException(nameof(classesPerBatch), classesPerBatch, $"classesPerBatch ({classesPerBatch}) exceeds the number of classes in labels ({_classes.Length}).");
        _labelCount = labels.Count;
        ClassesPerBatch = classesPerBatch;
        SamplesPerClass = samplesPerClass;
        Seed = seed;
        long total = labels.Count / ((long)classesPerBatch * samplesPerClass);
        _globalBatches = total;
        _count = total / NumReplicas;
        _elastic = new ElasticEpoch(total, NumReplicas, "the batches of an epoch");
        if (_count == 0)
            throw new ArgumentException($"labels has {labels.Count} samples: too few for one batch of {classesPerBatch} × {samplesPerClass} per rank on {NumReplicas} rank(s).", nameof(labels));
    }

    /// <summary>P: distinct classes per batch.</summary>
    public int ClassesPerBatch { get; }
    /// <summary>K: samples of each class per batch.</summary>
    public int SamplesPerClass { get; }
    /// <summary>The seed shared by all ranks.</summary>
    public int Seed { get; }
    /// <summary>The number of processes the batches are dealt to.</summary>
    public int NumReplicas { get; }
    /// <summary>This process's rank.</summary>
    public int Rank { get; }
    /// <summary>The epoch the next enumeration uses.</summary>
    public int Epoch => _elastic.Epoch;

    /// <summary>Batches per rank and epoch: the same on every rank (in a resumed epoch, its remainder's share).</summary>
    public long Count => _elastic.IsResumed ? _elastic.ResumedCount : _count;

    /// <inheritdoc />
    public bool IsResumed => _elastic.IsResumed;

    /// <inheritdoc />
    public long EpochVersion => _elastic.Version;

    /// <summary>Always true: every epoch has its own batches.</summary>
    public bool OrderDependsOnEpoch => true;

    /// <inheritdoc />
    public void SetEpoch(int epoch) => _elastic.Set(epoch);

    /// <inheritdoc />
    /// <remarks>The state counts batches of the epoch's global sequence (<c>labels.Count / (P × K)</c> of them, padding not included).</remarks>
    public SamplerResumeState GetResumeState(long consumedOnThisRank)
        => _elastic.StateAfter(consumedOnThisRank, Count);

    /// <inheritdoc />
    /// <remarks>
    /// The remaining <c>labels.Count / (P × K) − state.Consumed</c> batches of epoch <c>state.Epoch</c>'s global sequence
    /// are dealt round-robin to the ranks, padded by repeating the remainder's first batches so every rank gets the
    /// same <see cref="Count"/> (<c>ceil(remaining / NumReplicas)</c>): none is dropped. An ordinary epoch drops the
    /// uneven remainder instead; a resumed one therefore covers those batches too.
    /// </remarks>
    public void Resume(SamplerResumeState state)
        => _elastic.Resume(state, false);

    /// <summary>
    /// Resumes epoch <paramref name="epoch"/> after each of <paramref name="previousReplicas"/> ranks consumed its first
    /// <paramref name="consumedBatchesPerRank"/> batches of an ordinary (not itself resumed) epoch; see <see cref="Resume(SamplerResumeState)"/>.
    /// </summary>
    /// <param name="epoch">The interrupted epoch.</param>
    /// <param name="consumedBatchesPerRank">Batches every rank of the interrupted job consumed in that epoch.</param>
    /// <param name="previousReplicas">The number of ranks of the interrupted job.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, or <paramref name="previousReplicas"/> is not positive.</exception>
    public void Resume(int epoch, long consumedBatchesPerRank, int previousReplicas)
        => Resume(_elastic.StateOf(epoch, consumedBatchesPerRank, previousReplicas, nameof(consumedBatchesPerRank)));

    /// <inheritdoc />
    public IEnumerator<long[]> GetEnumerator()
    {
        if (_elastic.ResumedFrom < 0)
        {
            long global = _count * NumReplicas;
            long b = 0;
            foreach (long[] batch in GlobalBatches(global))
                if (b++ % NumReplicas == Rank) yield return batch;
            yield break;
        }
        // Resumed: this rank's share of the remaining batches, position Rank + i × NumReplicas of the remainder, wrapping for padding.
        long from = _elastic.ResumedFrom, remaining = _globalBatches - from, count = Count;
        if (count == 0) yield break;
        var remainder = new long[remaining][];
        long n = 0;
        foreach (long[] batch in GlobalBatches(_globalBatches))
        {
            if (n >= from) remainder[n - from] = batch;
            n++;
        }
        for (long i = 0; i < count; i++) yield return remainder[(Rank + i * NumReplicas) % remaining];
    }

    /// <summary>The first <paramref name="global"/> batches of the current epoch's global sequence: the same on every rank.</summary>
    private IEnumerable<long[]> GlobalBatches(long global)
    {
        using var generator = Permutations.ForEpoch(Seed, _elastic.Epoch);
        var order = new long[_classes.Length][];
        var cursor = new int[_classes.Length];
        for (long b = 0; b < global; b++)
        {
            long[] chosen = Permutations.RandPerm(_classes.Length, generator);
            var batch = new long[ClassesPerBatch * SamplesPerClass];
            for (int p = 0; p < ClassesPerBatch; p++)
            {
                int c = (int)chosen[p];
                long[] members = _classes[c];
                Span<long> slot = batch.AsSpan(p * SamplesPerClass, SamplesPerClass);
                if (members.Length < SamplesPerClass)
                {
                    long[] draws = Permutations.RandInt(members.Length, SamplesPerClass, generator);
                    for (int k = 0; k < SamplesPerClass; k++) slot[k] = members[draws[k]];
                    continue;
                }
                // A fresh order when this class cannot give K more distinct samples: no repeats inside a batch.
                if (order[c] is null || cursor[c] + SamplesPerClass > order[c].Length)
                {
                    order[c] = Permutations.RandPerm(members.Length, generator);
                    cursor[c] = 0;
                }
                for (int k = 0; k < SamplesPerClass; k++) slot[k] = members[order[c][cursor[c]++]];
            }
            yield return batch;
        }
    }

    long? IIndexLimit.IndexLimit => _labelCount;

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
