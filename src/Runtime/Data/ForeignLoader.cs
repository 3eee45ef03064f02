using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Composer.Data;

/// <summary>
/// A loader that does not implement <see cref="IDataLoader{TBatch}"/> (TorchSharp's <c>DataLoader</c>, a loader ported from
/// PyTorch, any enumerable of batches) seen through it: the one place, with <see cref="Epochs"/>, that reads a loader's parts by reflection.
/// </summary>
/// <remarks>
/// <para><see cref="Count"/> is PyTorch's <c>len(loader)</c>: its batch sampler's count, or its sampler's count in batches of its
/// batch size, or else the loader's own <c>Count</c>. TorchSharp's <c>DataLoader.Count</c> counts the data set whatever its sampler
/// yields: given a <see cref="DistributedSampler"/>, it is every rank's batches together, while the sampler's count is this rank's.</para>
/// <para><see cref="IterateFrom"/> is the slow path: such a loader cannot start mid-epoch, so the batches before the first are loaded and dropped.</para>
/// </remarks>
/// <typeparam name="TBatch">The batch type.</typeparam>
internal sealed class ForeignLoader<TBatch> : IDataLoader<TBatch>
{
    // Member names under which loaders keep their batch size and drop-last flag: PyTorch ports and TorchSharp's DataLoader.
    private static readonly string[] BatchSizeNames = ["BatchSize", "batch_size", "batchSize", "_batchSize", "_batch_size"];
    private static readonly string[] DropLastNames = ["DropLast", "drop_last", "dropLast", "_dropLast", "_drop_last"];
    private static readonly ConcurrentDictionary<(Type Type, string Name, BindingFlags Visibility), Func<object, object?>?> MembersByType = new();

    private readonly IEnumerable<TBatch> _loader;

    private ForeignLoader(IEnumerable<TBatch> loader) => _loader = loader;

    /// <summary><paramref name="loader"/> itself when it implements the contract, otherwise the loader seen through it.</summary>
    public static IDataLoader<TBatch> Adapt(IEnumerable<TBatch> loader)
    {
        ArgumentNullException.ThrowIfNull(loader);
        return loader as IDataLoader<TBatch> ?? new ForeignLoader<TBatch>(loader);
    }

    /// <inheritdoc />
    public long? Count
    {
        get
        {
            if (Epochs.BatchSamplerOf(_loader) is { } batchSampler)
            {
                return CountOf(batchSampler) ?? CountOf(_loader);
            }

            if (Epochs.SamplerOf(_loader) is { } sampler && CountOf(sampler) is { } samples && Read(BatchSizeNames) is long size and > 0)
            {
                return Read(DropLastNames) is true ? samples / size : (samples + size - 1) / size;
            }

            return CountOf(_loader);
        }
    }

    /// <summary>Sets the epoch on the loader's parts: <see cref="Epochs.SetEpoch"/>.</summary>
    public void SetEpoch(int epoch) => Epochs.SetEpoch(_loader, epoch);

    /// <inheritdoc />
    public IEnumerable<TBatch> IterateFrom(long firstBatch)
    {
        Check.NotNegative(firstBatch);
        return firstBatch == 0 ? _loader : Skipping(firstBatch);
    }

    /// <inheritdoc />
    public IEnumerator<TBatch> GetEnumerator() => _loader.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<TBatch> Skipping(long firstBatch)
    {
        using var batches = _loader.GetEnumerator();
        for (long batch = 0; batch < firstBatch; batch++)
        {
            if (!batches.MoveNext())
            {
                yield break;
            }
        }

        while (batches.MoveNext())
        {
            yield return batches.Current;
        }
    }

    /// <summary>How many items a sampler, batch sampler or loader says it yields: its <c>Count</c>; null when it does not say.</summary>
    private static long? CountOf(object part) => part switch
    {
        ISampler sampler => sampler.Count,
        IBatchSampler batchSampler => batchSampler.Count,
        ICollection collection => collection.Count,
        _ => AsLong(Member(part.GetType(), "Count", BindingFlags.Public)?.Invoke(part)),
    };

    /// <summary>The loader's member with the first of <paramref name="names"/> it has, as a number or a flag; null when it has none.</summary>
    private object? Read(string[] names)
    {
        foreach (string name in names)
        {
            if (Member(_loader.GetType(), name, BindingFlags.Public | BindingFlags.NonPublic) is { } member)
            {
                object? value = member(_loader);
                return value is bool flag ? flag : AsLong(value);
            }
        }

        return null;
    }

    private static long? AsLong(object? value) => value switch
    {
        long number => number,
        int number => number,
        _ => null,
    };

    /// <summary>A readable instance property or field named <paramref name="name"/> of <paramref name="type"/> or a base (whose private members only their declaring type shows).</summary>
    private static Func<object, object?>? Member(Type type, string name, BindingFlags visibility) =>
        MembersByType.GetOrAdd((type, name, visibility), key =>
        {
            var flags = key.Visibility | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            for (var t = key.Type; t is not null && t != typeof(object); t = t.BaseType)
            {
                if (t.GetProperty(key.Name, flags) is { CanRead: true } property && property.GetIndexParameters().Length == 0)
                {
                    return property.GetValue;
                }

                if (t.GetField(key.Name, flags) is { } field)
                {
                    return field.GetValue;
                }
            }

            return null;
        });
}
