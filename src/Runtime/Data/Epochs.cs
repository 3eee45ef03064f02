using System.Collections.Concurrent;
using System.Reflection;

namespace Composer.Data;

/// <summary>Sets the epoch on loaders, whatever their parts are.</summary>
public static class Epochs
{
    // Member names under which loaders keep their parts: ours, PyTorch ports, and TorchSharp's DataLoader fields.
    private static readonly string[] BatchSamplerNames = ["BatchSampler", "batch_sampler", "batchSampler", "_batchSampler", "_batch_sampler"];
    private static readonly string[] SamplerNames = ["Sampler", "sampler", "_sampler"];
    private static readonly string[] DatasetNames = ["Dataset", "dataset", "_dataset"];

    private static readonly ConcurrentDictionary<Type, Parts> PartsByType = new();
    private static readonly ConcurrentDictionary<Type, Action<object, int>?> SetterByType = new();

    /// <summary>
    /// Sets <paramref name="epoch"/> on every distinct epoch-aware part of <paramref name="loader"/>: its
    /// batch sampler, the sampler inside that batch sampler, its sampler, the samplers inside wrappers of yours that take
    /// no epoch, and its data set, each object once.
    /// </summary>
    /// <remarks>
    /// Works on <see cref="EpochDataLoader"/>, on TorchSharp's <c>DataLoader</c> (whose shuffler may be an
    /// <see cref="ISampler"/> such as <see cref="DistributedSampler"/>; its own built-in shuffling is not
    /// epoch-aware), and on any type that exposes <c>Sampler</c>/<c>BatchSampler</c>/<c>Dataset</c> members
    /// (or PyTorch's spellings) whose objects implement <see cref="IEpochAware"/> or have <c>SetEpoch(int)</c>.
    /// A type that implements <see cref="IEpochAware"/> or has <c>SetEpoch(int)</c> itself gets that call too, after its parts (once,
    /// even if it calls back here), so that a loader of yours that keeps its order under other names, or forwards the epoch its
    /// own way, has the last word. Methods by other names are not called: call them yourself.
    /// A batch sampler's sampler is its <c>Sampler</c> member (or PyTorch's spellings). A batch sampler or sampler of yours that
    /// takes no epoch itself but wraps others (a <c>DropLast(IBatchSampler inner)</c>, a <c>Subset(ISampler inner)</c>) has
    /// every sampler and batch sampler its fields hold set, all the way down; an epoch-aware one is trusted to forward it.
    /// A <see cref="BatchSampler"/> forwards the epoch to its sampler, so that sampler is not set again.
    /// Setting the epoch only on <c>loader.Sampler</c> is the bug this method exists for: when the loader
    /// draws from a batch sampler, that sampler is a plain sequential one and every epoch replays epoch 0.
    /// </remarks>
    /// <param name="loader">The loader; not null.</param>
    /// <param name="epoch">The zero-based epoch; not negative.</param>
    public static void SetEpoch(object loader, int epoch)
    {
        ArgumentNullException.ThrowIfNull(loader);
        Check.Epoch(epoch);
        var reached = new HashSet<object>(ReferenceEqualityComparer.Instance) { loader };
        var parts = PartsByType.GetOrAdd(loader.GetType(), Parts.Find);

        if (parts.BatchSampler?.Invoke(loader) is { } batchSampler)
        {
            Set(batchSampler, epoch, reached);
            if (batchSampler is BatchSampler ours) reached.Add(ours.Sampler); // it forwarded the epoch already
            else if (SamplerOf(batchSampler) is { } inner) Set(inner, epoch, reached);
            SetWrapped(batchSampler, epoch, reached, 0);
        }
        if (parts.Sampler?.Invoke(loader) is { } sampler)
        {
            Set(sampler, epoch, reached);
            SetWrapped(sampler, epoch, reached, 0);
        }
        if (parts.Dataset?.Invoke(loader) is { } dataset) Set(dataset, epoch, reached);
        // A loader of the user's with a setter of its own gets that call too, last, so that what it does wins: it may keep its
        // order under other names, or forward the epoch its own way. Setting its parts first, and again through it, is harmless.
        if (loader is not IReplayGuarded) SetItself(loader, epoch);
        if (loader is IReplayGuarded guarded) guarded.ReplayGuard.EpochSet(epoch); // seen by the loader even when its parts do not tell
    }

    /// <summary>
    /// The sampler inside a batch sampler, found by the member names that <see cref="SetEpoch"/> reaches, or else the first
    /// sampler or batch sampler it holds in a field (a wrapper's inner batch sampler); null when it has none.
    /// </summary>
    internal static object? InnerSampler(object batchSampler) => SamplerOf(batchSampler) ?? Wrapped(batchSampler).FirstOrDefault();

    /// <summary>
    /// Sets the samplers and batch samplers that a wrapper of the user's holds in its fields (a <c>DropLast(IBatchSampler
    /// inner)</c>, a <c>Subset(ISampler inner)</c>), all the way down, when it takes no epoch itself: an epoch-aware wrapper
    /// forwards the epoch as it means to (<c>inner.SetEpoch(epoch * 10)</c>), so what it holds is left to it.
    /// </summary>
    private static void SetWrapped(object part, int epoch, HashSet<object> reached, int depth)
    {
        if (depth > 8 || IsEpochAware(part)) return;
        foreach (var inner in Wrapped(part))
        {
            if (reached.Contains(inner)) continue;
            Set(inner, epoch, reached);
            if (inner is BatchSampler ours) reached.Add(ours.Sampler);
            else SetWrapped(inner, epoch, reached, depth + 1);
        }
    }

    /// <summary>The samplers and batch samplers <paramref name="part"/> holds in its fields, whatever the fields' declared types (<c>IEnumerable&lt;long[]&gt;</c>, <c>object</c>).</summary>
    private static IEnumerable<object> Wrapped(object part) =>
        WrappedByType.GetOrAdd(part.GetType(), WrappedFields).Select(f => f.GetValue(part)).Where(v => v is ISampler or IBatchSampler && !ReferenceEquals(v, part))!;

    private static readonly ConcurrentDictionary<Type, FieldInfo[]> WrappedByType = new();

    /// <summary>The fields that may hold a sampler or a batch sampler: typed as one, or as something one is (an interface or <c>object</c>).</summary>
    private static FieldInfo[] WrappedFields(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            fields.AddRange(t.GetFields(flags).Where(f => !f.FieldType.IsValueType && (
                typeof(ISampler).IsAssignableFrom(f.FieldType) || typeof(IBatchSampler).IsAssignableFrom(f.FieldType) ||
                f.FieldType.IsAssignableFrom(typeof(ISampler)) || f.FieldType.IsAssignableFrom(typeof(IBatchSampler)))));
        return [.. fields];
    }

    /// <summary>A loader's sampler, as <see cref="SetEpoch"/> finds it (TorchSharp's <c>sampler</c>, PyTorch ports' <c>Sampler</c>, ...); null when it has none.</summary>
    internal static object? SamplerOf(object loader) => PartsByType.GetOrAdd(loader.GetType(), Parts.Find).Sampler?.Invoke(loader);

    /// <summary>A loader's batch sampler, as <see cref="SetEpoch"/> finds it; null when it has none.</summary>
    internal static object? BatchSamplerOf(object loader) => PartsByType.GetOrAdd(loader.GetType(), Parts.Find).BatchSampler?.Invoke(loader);

    // Loaders this thread is setting through their own SetEpoch: one that calls back here (as EpochDataLoader does) is not set twice.
    [ThreadStatic] private static HashSet<object>? s_settingItself;

    /// <summary>
    /// A loader type of the user's that is epoch-aware itself: its own <c>SetEpoch</c>, after its parts (it may keep its order
    /// under other names). Once per call, even when that method calls back here.
    /// </summary>
    private static void SetItself(object loader, int epoch)
    {
        var setting = s_settingItself ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (!setting.Add(loader)) return;
        try { Set(loader, epoch, new HashSet<object>(ReferenceEqualityComparer.Instance)); }
        finally { setting.Remove(loader); }
    }

    /// <summary>Whether <see cref="SetEpoch"/> sets an epoch on <paramref name="part"/>: it is <see cref="IEpochAware"/> or has <c>SetEpoch(int)</c>/<c>set_epoch(int)</c>.</summary>
    internal static bool IsEpochAware(object part) =>
        part is IEpochAware || SetterByType.GetOrAdd(part.GetType(), FindSetter) is not null;

    /// <summary>Sets <paramref name="part"/>'s epoch, once per call of <see cref="SetEpoch"/>, when it takes one.</summary>
    private static void Set(object part, int epoch, HashSet<object> reached)
    {
        if (!reached.Add(part)) return;
        if (part is IEpochAware aware) aware.SetEpoch(epoch);
        else if (SetterByType.GetOrAdd(part.GetType(), FindSetter) is { } setter) setter(part, epoch);
    }

    private static Action<object, int>? FindSetter(Type type)
    {
        var method = type.GetMethod("SetEpoch", BindingFlags.Public | BindingFlags.Instance, [typeof(int)])
            ?? type.GetMethod("set_epoch", BindingFlags.Public | BindingFlags.Instance, [typeof(int)]);
        return method is null ? null : (target, epoch) => method.Invoke(target, [epoch]);
    }

    /// <summary>How to read a loader type's parts; found once per type.</summary>
    private sealed record Parts(Func<object, object?>? BatchSampler, Func<object, object?>? Sampler, Func<object, object?>? Dataset)
    {
        public static Parts Find(Type type) => new(Member(type, BatchSamplerNames), Member(type, SamplerNames), Member(type, DatasetNames));

        private static Func<object, object?>? Member(Type type, string[] names)
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            // Private fields of base classes (TorchSharp's DataLoader<T, S>) are only visible on the declaring type.
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (string name in names)
                {
                    if (t.GetProperty(name, flags) is { CanRead: true } property && property.GetIndexParameters().Length == 0)
                        return property.GetValue;
                    if (t.GetField(name, flags) is { } field)
                        return field.GetValue;
                }
            }
            return null;
        }
    }
}
