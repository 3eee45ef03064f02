// Scenario: an async epoch-start listener, handed the training loader through its primary constructor, reshuffles with `(loader.Sampler as DistributedSampler)?.SetEpoch(epoch)` and then warms the cache; the loader comes from outside and may draw from a batch sampler, which this never reaches — wrong (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Speech.Training.Hooks;

public interface IEpochListener
{
    ValueTask OnEpochStartAsync(int epoch, CancellationToken cancellationToken);
    ValueTask OnEpochEndAsync(int epoch, double loss, CancellationToken cancellationToken);
}

/// <summary>Reshuffles the training data and logs timings at epoch boundaries.</summary>
public sealed class ShuffleAndTimingListener(EpochDataLoader loader, TextWriter log) : IEpochListener
{
    private DateTimeOffset _epochStarted;

    public async ValueTask OnEpochStartAsync(int epoch, CancellationToken cancellationToken)
    {
        _epochStarted = DateTimeOffset.UtcNow;
        (loader.Sampler as DistributedSampler)?.SetEpoch(epoch); //! CMP001
        await log.WriteLineAsync($"[{_epochStarted:O}] epoch {epoch}: {loader.Count} batches".AsMemory(), cancellationToken);
    }

    public async ValueTask OnEpochEndAsync(int epoch, double loss, CancellationToken cancellationToken)
    {
        var took = DateTimeOffset.UtcNow - _epochStarted;
        await log.WriteLineAsync($"epoch {epoch} done in {took.TotalMinutes:F1} min, loss {loss:F4}".AsMemory(), cancellationToken);
        await log.FlushAsync(cancellationToken);
    }
}

/// <summary>Runs the listeners in order; one slow listener must not hold up shutdown.</summary>
public sealed class EpochListenerGroup(IReadOnlyList<IEpochListener> listeners)
{
    public async Task StartAsync(int epoch, CancellationToken ct)
    {
        foreach (var listener in listeners)
            await listener.OnEpochStartAsync(epoch, ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    public async Task EndAsync(int epoch, double loss, CancellationToken ct)
    {
        foreach (var listener in listeners)
            await listener.OnEpochEndAsync(epoch, loss, ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), ct);
    }
}
