using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Composer.Distributed;

/// <summary>What a rank is doing, as the other ranks see it.</summary>
internal enum Collective : byte
{
    None = 0,
    AllReduce = 1,
    Broadcast = 2,
    AllGather = 3,
    Barrier = 4,
    Exit = 255,
}

/// <summary>
/// How an MPI rank leaves its job without hanging it. Every rank publishes, in an MPI window of one
/// 64-bit word, how many collectives it has entered and which one it is inside (two plain stores per
/// collective: the happy path's cost). A leaving rank waits at a non-blocking barrier on its own
/// communicator; when every rank arrives the job finalizes, and when a peer waits in a collective
/// that the leaving rank never entered (it never will) the job is aborted at once, with the reason.
/// Peers that are merely busy (writing a checkpoint, say) are waited for, however long they take.
/// </summary>
/// <remarks>
/// Without MPI one-sided communication (no usable <c>osc</c> component), a leaving rank cannot see its
/// peers and aborts the job when they have not all arrived within <see cref="BlindTimeout"/>.
/// </remarks>
internal sealed unsafe class ExitBarrier
{
    /// <summary>How long a leaving rank waits for its peers when it cannot see what they are doing.</summary>
    internal static readonly TimeSpan BlindTimeout = TimeSpan.FromSeconds(30);

    private const int ModeNoCheck = 1; // MPI_MODE_NOCHECK in Open MPI's mpi.h
    private const int Success = 0;

    private readonly int _rank, _size;
    private readonly IntPtr _comm;   // a duplicate of MPI_COMM_WORLD: the exit barrier never matches a user's collective
    private readonly IntPtr _window; // every rank's published word; zero when one-sided MPI is unavailable
    private readonly long* _published;
    private readonly IntPtr _int64;
    private readonly Action<int> _abort;
    private long _entered;

    private readonly delegate* unmanaged<IntPtr, IntPtr*, int> _ibarrier;
    private readonly delegate* unmanaged<IntPtr*, int*, IntPtr, int> _test;
    private readonly delegate* unmanaged<IntPtr*, IntPtr, int> _wait;
    private readonly delegate* unmanaged<IntPtr*, int> _commFree;
    private readonly delegate* unmanaged<void*, int, IntPtr, int, nint, int, IntPtr, IntPtr, IntPtr*, int> _rget;
    private readonly delegate* unmanaged<int, IntPtr, int> _lockAll;
    private readonly delegate* unmanaged<IntPtr, int> _unlockAll;
    private readonly delegate* unmanaged<IntPtr*, int> _winFree;

    /// <summary>Sets up the barrier's communicator and window: collective over <paramref name="world"/>, once, at initialization.</summary>
    public ExitBarrier(Func<string, IntPtr> export, IntPtr world, int rank, int size, Action<int> abort)
    {
        _rank = rank;
        _size = size;
        _abort = abort;
        _int64 = export("ompi_mpi_int64_t");
        _ibarrier = (delegate* unmanaged<IntPtr, IntPtr*, int>)export("MPI_Ibarrier");
        _test = (delegate* unmanaged<IntPtr*, int*, IntPtr, int>)export("MPI_Test");
        _wait = (delegate* unmanaged<IntPtr*, IntPtr, int>)export("MPI_Wait");
        _commFree = (delegate* unmanaged<IntPtr*, int>)export("MPI_Comm_free");
        _rget = (delegate* unmanaged<void*, int, IntPtr, int, nint, int, IntPtr, IntPtr, IntPtr*, int>)export("MPI_Rget");
        _lockAll = (delegate* unmanaged<int, IntPtr, int>)export("MPI_Win_lock_all");
        _unlockAll = (delegate* unmanaged<IntPtr, int>)export("MPI_Win_unlock_all");
        _winFree = (delegate* unmanaged<IntPtr*, int>)export("MPI_Win_free");
        var commDup = (delegate* unmanaged<IntPtr, IntPtr*, int>)export("MPI_Comm_dup");
        var commSetErrhandler = (delegate* unmanaged<IntPtr, IntPtr, int>)export("MPI_Comm_set_errhandler");
        var winSetErrhandler = (delegate* unmanaged<IntPtr, IntPtr, int>)export("MPI_Win_set_errhandler");
        var winAllocate = (delegate* unmanaged<nint, int, IntPtr, IntPtr, void*, IntPtr*, int>)export("MPI_Win_allocate");
        IntPtr errorsReturn = export("ompi_mpi_errors_return");

        IntPtr comm, window = IntPtr.Zero;
        void* memory = null;
        if (commDup(world, &comm) != Success) throw new InvalidOperationException("MPI_Comm_dup failed.");
        _comm = comm;
        commSetErrhandler(comm, errorsReturn); // a missing osc component must not abort the job
        if (size > 1 && winAllocate(sizeof(long), sizeof(long), export("ompi_mpi_info_null"), comm, &memory, &window) == Success)
        {
            winSetErrhandler(window, errorsReturn);
            _window = window;
            _published = (long*)memory;
        }
        else
        {
            _published = (long*)NativeMemory.AllocZeroed(sizeof(long));
        }

        *_published = 0;
    }

    /// <summary>Publishes that this rank enters its next collective.</summary>
    public void Enter(Collective collective) => Volatile.Write(ref *_published, (++_entered << 8) | (long)collective);

    /// <summary>Publishes that this rank left the collective it was in.</summary>
    public void Leave() => Volatile.Write(ref *_published, _entered << 8);

    /// <summary>
    /// Waits until every rank has reached its exit, then frees the barrier's resources (the caller finalizes);
    /// aborts the job with the reason on standard error as soon as a peer waits in a collective that this rank never entered.
    /// </summary>
    public void Pass(int exitCode)
    {
        Volatile.Write(ref *_published, (_entered << 8) | (long)Collective.Exit);
        if (_size == 1) return;
        IntPtr barrier;
        if (_ibarrier(_comm, &barrier) != Success) return; // nothing to wait on: finalize as before
        bool sees = _window != IntPtr.Zero && _lockAll(ModeNoCheck, _window) == Success;
        bool locked = sees;

        var seen = (long*)NativeMemory.AllocZeroed((nuint)(_size * sizeof(long)));
        var requests = new IntPtr[_size];
        var pending = new bool[_size];
        var last = new long[_size];
        Array.Fill(last, -1);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            int done;
            _test(&barrier, &done, IntPtr.Zero);
            if (done != 0) break;
            if (!sees)
            {
                if (clock.Elapsed > BlindTimeout)
                    Abort(exitCode, $"rank {_rank} is leaving the job (exit code {exitCode}), and the other ranks have not reached their exit within {BlindTimeout.TotalSeconds:F0} s (without MPI one-sided communication this rank cannot see what they wait for)");
            }
            else
            {
                for (int peer = 0; peer < _size; peer++)
                {
                    if (peer == _rank) continue;
                    if (!pending[peer])
                    {
                        fixed (IntPtr* request = &requests[peer])
                            pending[peer] = _rget(seen + peer, 1, _int64, peer, 0, 1, _int64, _window, request) == Success;
                        if (!pending[peer])
                        {
                            sees = false; // cannot read this peer: wait blind from now on
                            clock.Restart();
                            break;
                        }

                        continue;
                    }

                    int arrived;
                    fixed (IntPtr* request = &requests[peer])
                        if (_test(request, &arrived, IntPtr.Zero) != Success || arrived == 0) continue;
                    pending[peer] = false;
                    long word = seen[peer];
                    // A peer inside a collective this rank never entered waits forever; the word must read the same twice (no torn read).
                    if (word == last[peer] && IsWaitingBeyond(word)) Abort(exitCode, Reason(exitCode, peer, word));
                    last[peer] = word;
                }
            }

            Thread.Sleep(1);
        }

        // Every rank is at its exit: close the window (collective) and the communicator.
        if (locked)
        {
            for (int peer = 0; peer < _size; peer++)
                if (pending[peer])
                    fixed (IntPtr* request = &requests[peer]) _wait(request, IntPtr.Zero);
            _unlockAll(_window);
        }

        if (_window != IntPtr.Zero)
        {
            IntPtr window = _window;
            _winFree(&window);
        }

        IntPtr comm = _comm;
        _commFree(&comm);
        NativeMemory.Free(seen);
    }

    private bool IsWaitingBeyond(long word)
    {
        var collective = (Collective)(word & 0xff);
        return collective is > Collective.None and < Collective.Exit && word >> 8 > _entered;
    }

    private string Reason(int exitCode, int peer, long word) =>
        $"rank {_rank} is leaving the job (exit code {exitCode}) after {_entered} collective(s), but rank {peer} waits in " +
        $"{(Collective)(word & 0xff)} (collective {word >> 8}), which rank {_rank} never entered and never will. " +
        "Every rank must call the same collectives in the same order: check that every rank gets the same number of batches " +
        "and that no rank returns or exits early";

    private void Abort(int exitCode, string reason)
    {
        Console.Error.WriteLine($"{reason}. Aborting the MPI job so that no rank hangs.");
        _abort(exitCode != 0 ? exitCode : 1);
    }
}
