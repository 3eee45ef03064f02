using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>The number of loader workers: its limit, its check, and how many threads and batches ahead a loader uses.</summary>
internal static class LoaderWorkers
{
    /// <summary>Batches loaded ahead per worker, as PyTorch's default <c>prefetch_factor</c>.</summary>
    public const int BatchesAheadPerWorker = 2;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is negative or above <see cref="EpochDataLoader.MaxWorkers"/>.</exception>
    public static int Validate(int workers, string name = "workers") =>
        workers is >= 0 and <= EpochDataLoader.MaxWorkers ? workers
        : throw new ArgumentOutOfRangeException(name, workers,
            $"{name} must be in [0, {EpochDataLoader.MaxWorkers}] (0 loads on the enumerating thread), but was {workers}.");

    /// <summary>
    /// Threads and batches ahead for a loader: per-sample loading uses <paramref name="workers"/> threads and
    /// <see cref="BatchesAheadPerWorker"/> batches ahead per thread; a batch gathered whole (one <c>index_select</c>
    /// per column, which libtorch already spreads over the cores) uses one thread, one batch ahead, as
    /// <paramref name="prefetch"/> alone does. (0, 0) loads on the enumerating thread.
    /// </summary>
    public static (int Threads, int Ahead) Plan(int workers, bool prefetch, bool perSample) =>
        perSample && workers > 0 ? (workers, BatchesAheadPerWorker * workers)
        : workers > 0 || prefetch ? (1, 1)
        : (0, 0);
}

/// <summary>
/// One enumeration's worker threads: they load the parts (samples) of the next batches in parallel, a bounded
/// number of batches ahead of the consumer, claiming a few consecutive parts at a time, and the worker that finishes a
/// batch's last part assembles it. The consumer takes the batches in order, so they are those of loading on one thread.
/// </summary>
/// <remarks>
/// <para>The batch sampler is enumerated on the consumer's thread, inside its <c>MoveNext</c> (it need not be
/// thread-safe); an exception it throws (a bad index, a replayed epoch) is kept and thrown, unwrapped, at the
/// batch it belongs to. A part or an assembly that fails becomes a <see cref="LoaderWorkerException"/> at its batch.</para>
/// <para>Dispose scopes are per thread. Every part and every assembly runs in a scope of its own on its worker;
/// what it leaves there (the tensors that outlive the call) is detached and kept with its batch. A batch taken by
/// the consumer hands them to the consumer's current dispose scope, as if it had been loaded there; a batch never
/// taken (a <c>break</c>, a failure, a dispose) has them disposed once the workers have stopped.</para>
/// </remarks>
internal sealed class LoaderWorkers<TIndices, TPart, TBatch> : IDisposable where TBatch : class
{
    private readonly Crew _crew;

    /// <param name="batches">The batches' indices; enumerated on the consumer's thread only, and disposed with this.</param>
    /// <param name="recipe">How a batch loads.</param>
    /// <param name="threads">Worker threads, at least 1.</param>
    /// <param name="ahead">Batches loaded (or loading) ahead of the one the consumer holds, at least 1.</param>
    /// <param name="firstBatch">The position in the epoch of the first batch of <paramref name="batches"/>, for messages.</param>
    /// <param name="lifetime">The loader's lifetime: disposing the loader stops the workers.</param>
    public LoaderWorkers(IEnumerator<TIndices> batches, BatchRecipe<TIndices, TPart, TBatch> recipe, int threads, int ahead, long firstBatch, LoaderLifetime lifetime) =>
        _crew = new Crew(batches, recipe, threads, ahead, firstBatch, lifetime);

    // An enumeration dropped without Dispose must not keep its threads waiting for a consumer forever.
    ~LoaderWorkers() => _crew.Stop(wait: false);

    /// <summary>The next batch, in order; false after the last. Starts the workers on the first call.</summary>
    /// <exception cref="LoaderWorkerException">Loading a sample of the batch, or assembling it, failed on a worker.</exception>
    /// <exception cref="ObjectDisposedException">The loader is disposed.</exception>
    public bool MoveNext([NotNullWhen(true)] out TBatch? batch) => _crew.Next(out batch);

    /// <summary>Stops the workers, disposes the batches loaded ahead, then the batch enumerator.</summary>
    public void Dispose()
    {
        _crew.Stop(wait: true);
        _crew.DisposeSource();
        GC.SuppressFinalize(this);
    }

    /// <summary>What the worker threads share with the consumer; the threads hold this, not the finalizable owner.</summary>
    private sealed class Crew(IEnumerator<TIndices> batches, BatchRecipe<TIndices, TPart, TBatch> recipe, int threads, int ahead, long firstBatch, LoaderLifetime lifetime)
        : IRunningWorkers
    {
        private readonly object _gate = new();
        private readonly Slot[] _slots = Enumerable.Range(0, ahead).Select(_ => new Slot()).ToArray();
        private Thread[]? _threads;
        private int _running;
        private bool _stopping, _cleaned, _sourceDone;
        private ExceptionDispatchInfo? _sourceError;
        // Batches are numbered from 0 in this enumeration; batch n lives in slot n % ahead.
        private long _taken;       // the consumer has taken batches [0, _taken)
        private long _dispatched;  // batches [_taken, _dispatched) are loading or loaded
        private long _claimBatch;  // the next part to load: part _claimPart of batch _claimBatch
        private int _claimPart;

        /// <summary>One batch on its way: its indices, its parts, and the tensors its loads left behind.</summary>
        private sealed class Slot
        {
            public TIndices Indices = default!;
            public TPart[] Parts = [];
            public int Remaining;
            public List<IDisposable> Made = [];
            public Exception? Error;
            public int ErrorPart;
            public TBatch? Batch;
            public bool Done;
        }

        public bool Next([NotNullWhen(true)] out TBatch? batch)
        {
            lifetime.ThrowIfDisposed();
            Dispatch();
            if (_threads is null && _dispatched > _taken) Start(); // no threads for an empty rest of an epoch, or a sampler that failed at once
            Slot slot;
            long number;
            lock (_gate)
            {
                if (_stopping) throw lifetime.Disposed();
                if (_taken == _dispatched)
                {
                    batch = null;
                    if (_sourceError is { } error)
                    {
                        _sourceError = null;
                        error.Throw();
                    }
                    return false;
                }
                number = _taken;
                slot = _slots[number % _slots.Length];
                while (!slot.Done && !_stopping) Monitor.Wait(_gate);
                // Disposed from another thread while this one waited: no more batches, even one that was just finished.
                if (_stopping || lifetime.IsDisposed) throw lifetime.Disposed();
                _taken++;
            }
            var (made, failure, failedPart, result, indices) = (slot.Made, slot.Error, slot.ErrorPart, slot.Batch, slot.Indices);
            (slot.Made, slot.Error, slot.Batch, slot.Indices, slot.Done) = ([], null, null, default!, false);
            if (failure is not null)
            {
                DisposeAll(made);
                throw new LoaderWorkerException(firstBatch + number, failedPart < 0 ? null : recipe.SampleOf(indices, failedPart), failure);
            }
            Dispatch(); // the freed slot takes the next batch while the consumer works on this one
            HandOver(made);
            batch = result!;
            return true;
        }

        private void Start()
        {
            lock (_gate)
            {
                if (_stopping) throw lifetime.Disposed();
                lifetime.Add(this);
                _running = threads;
                _threads = new Thread[threads];
                for (int i = 0; i < threads; i++)
                {
                    _threads[i] = new Thread(Work) { IsBackground = true, Name = $"{lifetime.LoaderName} worker {i + 1}/{threads}" };
                    _threads[i].Start();
                }
            }
        }

        /// <summary>On the consumer's thread: fills free slots with the next batches' indices.</summary>
        private void Dispatch()
        {
            while (!_sourceDone && _dispatched - _taken < _slots.Length)
            {
                TIndices indices;
                int parts;
                try
                {
                    if (!batches.MoveNext())
                    {
                        _sourceDone = true;
                        return;
                    }
                    indices = batches.Current;
                    parts = recipe.PartCount(indices);
                }
                catch (Exception e)
                {
                    // Thrown when the consumer reaches this batch, after the batches before it, as without workers.
                    _sourceError = ExceptionDispatchInfo.Capture(e);
                    _sourceDone = true;
                    return;
                }
                var slot = _slots[_dispatched % _slots.Length];
                slot.Indices = indices;
                slot.Remaining = parts;
                if (slot.Parts.Length != parts) slot.Parts = new TPart[parts];
                lock (_gate)
                {
                    if (_stopping) return;
                    _dispatched++;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        private void Work()
        {
            try
            {
                while (true)
                {
                    Slot slot;
                    int first, count;
                    lock (_gate)
                    {
                        while (!_stopping && _claimBatch == _dispatched) Monitor.Wait(_gate);
                        if (_stopping) return;
                        slot = _slots[_claimBatch % _slots.Length];
                        first = _claimPart;
                        count = Math.Min(Chunk(slot.Parts.Length), slot.Parts.Length - first);
                        _claimPart += count;
                        if (_claimPart == slot.Parts.Length) (_claimBatch, _claimPart) = (_claimBatch + 1, 0);
                    }
                    Load(slot, first, count);
                }
            }
            finally
            {
                if (Interlocked.Decrement(ref _running) == 0) Cleanup();
            }
        }

        /// <summary>
        /// Parts a worker claims at once: a quarter of a batch's share per worker, so that the bookkeeping (a claim, a
        /// dispose scope, a hand-off) is paid a few times per batch rather than per sample, and the workers still end a
        /// batch at about the same time.
        /// </summary>
        private int Chunk(int parts) => Math.Max(1, parts / (4 * threads));

        /// <summary>Loads parts [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of a batch; assembles it when they were its last.</summary>
        private void Load(Slot slot, int first, int count)
        {
            Exception? error = null;
            int failed = -1;
            IReadOnlyList<IDisposable> made;
            using (var scope = NewDisposeScope())
            {
                for (int part = first; part < first + count; part++)
                {
                    // Each thread writes its own elements; the lock below publishes them to the thread that assembles.
                    try { slot.Parts[part] = recipe.LoadPart(slot.Indices, part); }
                    catch (Exception e)
                    {
                        (error, failed) = (e, part); // the batch fails: the rest of this claim need not load
                        break;
                    }
                }
                made = Keep(scope);
            }
            bool last;
            lock (slot)
            {
                slot.Made.AddRange(made);
                if (error is not null && (slot.Error is null || failed < slot.ErrorPart)) (slot.Error, slot.ErrorPart) = (error, failed);
                last = (slot.Remaining -= count) == 0;
            }
            if (!last) return;
            // This thread loaded the batch's last part: the batch is its alone now.
            if (slot.Error is null && !Volatile.Read(ref _stopping))
            {
                using var scope = NewDisposeScope();
                try { slot.Batch = recipe.Assemble(slot.Indices, slot.Parts); }
                catch (Exception e) { (slot.Error, slot.ErrorPart) = (e, -1); }
                slot.Made.AddRange(Keep(scope));
            }
            Array.Clear(slot.Parts); // what the batch needs, it holds
            lock (_gate)
            {
                slot.Done = true;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>What a load left in its dispose scope, detached so that it outlives the scope and can go to another thread.</summary>
        private static IReadOnlyList<IDisposable> Keep(DisposeScope scope)
        {
            var made = scope.DisposablesView; // a copy
            if (made.Count > 0) scope.Detach(made);
            return made;
        }

        /// <summary>On the consumer's thread: the batch's tensors join the consumer's current dispose scope, if it has one.</summary>
        private static void HandOver(List<IDisposable> made)
        {
            made.RemoveAll(IsDisposed);
            if (made.Count == 0) return;
            using var scope = NewDisposeScope();
            foreach (var disposable in made) scope.Attach(disposable);
            scope.MoveToOuter(made);
        }

        private static bool IsDisposed(IDisposable disposable) => disposable is Tensor { IsInvalid: true };

        private static void DisposeAll(List<IDisposable> made)
        {
            foreach (var disposable in made)
                if (!IsDisposed(disposable)) disposable.Dispose();
        }

        public void Stop(bool wait)
        {
            Thread[]? started;
            lock (_gate)
            {
                _stopping = true;
                Monitor.PulseAll(_gate);
                started = _threads;
            }
            if (started is null)
            {
                Cleanup(); // no worker will
                return;
            }
            if (!wait) return;
            foreach (var thread in started)
                if (thread != Thread.CurrentThread) thread.Join();
        }

        /// <summary>Once no worker runs: disposes what the batches never taken hold.</summary>
        private void Cleanup()
        {
            var leftovers = new List<IDisposable>();
            lock (_gate)
            {
                if (_cleaned) return;
                _cleaned = true;
                for (long n = _taken; n < _dispatched; n++)
                {
                    var slot = _slots[n % _slots.Length];
                    leftovers.AddRange(slot.Made);
                    (slot.Made, slot.Batch, slot.Error) = ([], null, null);
                    Array.Clear(slot.Parts);
                }
            }
            DisposeAll(leftovers);
            lifetime.Remove(this);
        }

        /// <summary>On the consumer's thread, after <see cref="Stop"/> with wait: no worker reads the indices any more.</summary>
        public void DisposeSource() => batches.Dispose();
    }
}
