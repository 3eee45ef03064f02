namespace Composer.Data;

/// <summary>Worker threads of one enumeration, which the loader can stop.</summary>
internal interface IRunningWorkers
{
    /// <summary>Stops the workers after the sample each is loading; with <paramref name="wait"/>, returns once they have stopped and their look-ahead is disposed.</summary>
    void Stop(bool wait);
}

/// <summary>
/// Whether a loader is disposed, and the worker threads its enumerations run: disposing the loader stops them
/// all, so none outlives it (or reads a data set that <c>disposeDataset: true</c> disposes with it).
/// </summary>
internal sealed class LoaderLifetime(string loaderName)
{
    private readonly object _gate = new();
    private readonly HashSet<IRunningWorkers> _running = [];
    private volatile bool _disposed;

    /// <summary>The loader's name, for thread names and messages.</summary>
    public string LoaderName => loaderName;

    /// <summary>Whether the loader is disposed.</summary>
    public bool IsDisposed => _disposed;

    /// <exception cref="ObjectDisposedException">The loader is disposed.</exception>
    public void ThrowIfDisposed()
    {
        if (_disposed) throw Disposed();
    }

    public ObjectDisposedException Disposed() =>
        new(loaderName, $"{loaderName} is disposed: it loads no more batches (an enumeration still running when it was disposed stops too).");

    /// <summary>Workers of a new enumeration are starting.</summary>
    /// <exception cref="ObjectDisposedException">The loader is disposed.</exception>
    public void Add(IRunningWorkers workers)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            _running.Add(workers);
        }
    }

    /// <summary>Those workers have stopped.</summary>
    public void Remove(IRunningWorkers workers)
    {
        lock (_gate) _running.Remove(workers);
    }

    /// <summary>Marks the loader disposed and stops every enumeration's workers, waiting for them.</summary>
    public void Dispose()
    {
        IRunningWorkers[] running;
        lock (_gate)
        {
            _disposed = true;
            running = [.. _running];
        }
        // Outside the lock: a stopping enumeration removes itself.
        foreach (var workers in running) workers.Stop(wait: true);
    }
}
