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
/// </remarks>
public sealed class ClassBalancedBatchSampler : IBatchSampler, IEpochVersioned, IIndexLimit
{
    readonly long[][] _classes; // sample indices of each class present in the labels
    readonly long _labelCount;
    int _epoch;
    long _epochVersion;

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
        Count = total / NumReplicas;
        if (Count == 0)
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
    public int Epoch => _epoch;

    /// <summary>Batches per rank and epoch: the same on every rank.</summary>
    public long Count { get; }

    /// <inheritdoc />
    public long EpochVersion => _epochVersion;

    /// <summary>Always true: every epoch has its own batches.</summary>
    public bool OrderDependsOnEpoch => true;

    /// <inheritdoc />
    public void SetEpoch(int epoch)
    {
        _epoch = Check.Epoch(epoch);
        _epochVersion++;
    }

    /// <inheritdoc />
    public IEnumerator<long[]> GetEnumerator()
    {
        // Every rank draws the same global sequence of batches and keeps its own round-robin share.
        using var generator = Permutations.ForEpoch(Seed, _epoch);
        var order = new long[_classes.Length][];
        var cursor = new int[_classes.Length];
        long global = Count * NumReplicas;
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
            if (b % NumReplicas == Rank) yield return batch;
        }
    }

    long? IIndexLimit.IndexLimit => _labelCount;

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
