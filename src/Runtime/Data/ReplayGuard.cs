namespace Composer.Data;

/// <summary>A loader that keeps a <see cref="Data.ReplayGuard"/>: <see cref="Epochs.SetEpoch"/> tells it every epoch it sets.</summary>
internal interface IReplayGuarded
{
    ReplayGuard ReplayGuard { get; }
}

/// <summary>
/// Notices a loader enumerated from its first batch again while its order depends on the epoch and nothing
/// set the epoch since its previous enumeration began: the replayed epoch that <see cref="Epochs.SetEpoch"/>
/// prevents, caught at run time, where a loader passed across methods and assemblies hides it from the analyzers.
/// </summary>
/// <remarks>
/// "Set" means any <c>SetEpoch</c> call, with any epoch: through the loader (it counts them) or on a part that
/// implements <see cref="IEpochVersioned"/> (its version moves). Setting the same epoch again is a deliberate
/// re-read, not a replay. Enumerations from a later batch (a mid-epoch resume) are never replays, but they
/// count as the epoch's enumeration. The order is decided by the batch sampler and, for a batch sampler that
/// does not tell, by the sampler inside it.
/// </remarks>
internal sealed class ReplayGuard(string loaderName, IBatchSampler batchSampler)
{
    [ThreadStatic] private static int s_replaysAllowed;

    private readonly object _gate = new();
    private ReplayedEpochPolicy? _policy;
    private long _setsThroughLoader;
    private int? _lastEpochSet;
    private long? _versionAtLastStart;
    private bool _warned;

    /// <summary>The loader's own policy, or the default while it has none.</summary>
    public ReplayedEpochPolicy Policy
    {
        get => _policy ?? EpochDataLoader.DefaultReplayedEpochPolicy;
        set => _policy = Validate(value);
    }

    public static ReplayedEpochPolicy Validate(ReplayedEpochPolicy policy, string name = "value") =>
        Enum.IsDefined(policy) ? policy : throw new ArgumentOutOfRangeException(name, policy, $"{name} must be Warn, Throw or Ignore, but was {(int)policy}.");

    /// <summary>
    /// Until disposed, enumerations on this thread replay without a word: for readers to whom the order does not
    /// matter, such as the trainer's evaluation.
    /// </summary>
    public static ReplaysAllowed AllowReplays()
    {
        s_replaysAllowed++;
        return default;
    }

    /// <summary>Ends an <see cref="AllowReplays"/> scope.</summary>
    public readonly struct ReplaysAllowed : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => s_replaysAllowed--;
    }

    /// <summary>The epoch last set through the loader (<see cref="Epochs.SetEpoch"/>), 0 before any: the epoch of its per-sample generators.</summary>
    public int Epoch
    {
        get { lock (_gate) return _lastEpochSet ?? 0; }
    }

    /// <summary>The loader's epoch was set through <see cref="Epochs.SetEpoch"/>.</summary>
    public void EpochSet(int epoch)
    {
        lock (_gate)
        {
            _setsThroughLoader++;
            _lastEpochSet = epoch;
        }
    }

    /// <summary>An enumeration from batch <paramref name="firstBatch"/> begins: warns or throws when it replays the previous one.</summary>
    public void Starting(long firstBatch)
    {
        string message;
        ReplayedEpochPolicy policy;
        lock (_gate)
        {
            long version = Version();
            bool replays = firstBatch == 0 && _versionAtLastStart == version;
            _versionAtLastStart = version;
            if (!replays || s_replaysAllowed > 0 || !OrderDependsOnEpoch(batchSampler)) return;
            policy = Policy;
            if (policy == ReplayedEpochPolicy.Ignore || (policy == ReplayedEpochPolicy.Warn && _warned)) return;
            _warned |= policy == ReplayedEpochPolicy.Warn;
            message = Describe();
        }
        if (policy == ReplayedEpochPolicy.Throw) throw new InvalidOperationException(message);
        Console.Error.WriteLine($"warning: {message} (This warning is shown once per loader.)");
    }

    /// <summary>A number that moves whenever the epoch is set through the loader or on a part that tells.</summary>
    private long Version() => _setsThroughLoader + PartVersion(batchSampler);

    /// <summary>A part's own version, or for a batch sampler that does not tell, the version of the sampler inside it.</summary>
    private static long PartVersion(object part) =>
        part is IEpochVersioned versioned ? versioned.EpochVersion
        : Epochs.InnerSampler(part) is IEpochVersioned inner ? inner.EpochVersion
        : 0;

    /// <summary>
    /// Whether the order of <paramref name="part"/>'s batches changes with the epoch: as it says, or when it is
    /// epoch-aware without saying (assumed to shuffle), or when the sampler inside it does.
    /// </summary>
    private static bool OrderDependsOnEpoch(object part) =>
        part is IEpochVersioned versioned ? versioned.OrderDependsOnEpoch
        : Epochs.IsEpochAware(part) || Epochs.InnerSampler(part) is { } inner && (inner is IEpochVersioned v ? v.OrderDependsOnEpoch : Epochs.IsEpochAware(inner));

    private string Describe()
    {
        var inner = Epochs.InnerSampler(batchSampler);
        string source = inner is null ? batchSampler.GetType().Name : $"{batchSampler.GetType().Name} over {inner.GetType().Name}";
        int? epoch = batchSampler is IEpochVersioned versioned ? versioned.Epoch : inner is IEpochVersioned v ? v.Epoch : _lastEpochSet;
        string at = epoch is int e ? $"still at epoch {e}" : "at an unchanged epoch";
        return $"{loaderName} (batches from {source}) is enumerated from its first batch again, {at}, and nothing has set its epoch " +
            "since its previous enumeration began: this epoch replays the previous one's order. Call loader.SetEpoch(epoch) or " +
            "Epochs.SetEpoch(loader, epoch) at the start of every epoch (setting loader.Sampler alone misses a batch sampler), " +
            "or set the loader's ReplayedEpochPolicy to Ignore if the replay is intended.";
    }
}
