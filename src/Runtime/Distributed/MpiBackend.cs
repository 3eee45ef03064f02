using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Composer.Distributed;

/// <summary>
/// Open MPI's <c>libmpi</c> through function pointers. Predefined handles (<c>MPI_COMM_WORLD</c>, <c>MPI_FLOAT</c>,
/// <c>MPI_SUM</c>, …) are the addresses of exported symbols in Open MPI. Chosen by <see cref="Dist.Initialize()"/>
/// when <c>mpirun</c> launched the process.
/// </summary>
/// <remarks>
/// No rank ever hangs the job, and the reason is printed on standard error. At process exit (the end of
/// <c>Main</c>, <c>Environment.Exit</c>, on any rank and at any point) the rank waits for the others at an
/// exit barrier and finalizes with them (mpirun fails a job whose processes don't finalize); when another rank
/// waits in a collective that the leaving rank never entered, the job is aborted at once with both ranks named.
/// A rank that dies of an unhandled exception prints it (message and stack trace) and aborts the job.
/// </remarks>
public sealed unsafe class MpiBackend : IDistBackend
{
    private const string Library = "libmpi.so.40";
    private static readonly IntPtr InPlace = 1; // MPI_IN_PLACE in Open MPI

    private readonly IntPtr _library, _world, _sum;
    private readonly Dictionary<ScalarType, IntPtr> _types = new();
    private readonly delegate* unmanaged<int*, byte***, int> _init;
    private readonly delegate* unmanaged<int*, int> _finalized;
    private readonly delegate* unmanaged<int> _finalize;
    private readonly delegate* unmanaged<IntPtr, int*, int> _commRank, _commSize;
    private readonly delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, IntPtr, IntPtr, int> _allreduce;
    private readonly delegate* unmanaged<IntPtr, int, IntPtr, int, IntPtr, int> _bcast;
    private readonly delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, int, IntPtr, IntPtr, int> _allgather;
    private readonly delegate* unmanaged<IntPtr, int> _barrier;
    private readonly delegate* unmanaged<IntPtr, int, int> _abort;
    private readonly ExitBarrier _exit;
    private bool _disposed;

    /// <summary>Loads libmpi, calls <c>MPI_Init</c> and reads this process's rank and the world size.</summary>
    /// <exception cref="DllNotFoundException">Open MPI is not installed (<c>apt-get install openmpi-bin libopenmpi-dev</c>).</exception>
    public MpiBackend()
    {
        if (!NativeLibrary.TryLoad(Library, out _library))
            throw new DllNotFoundException($"{Library} could not be loaded; install Open MPI (apt-get install openmpi-bin libopenmpi-dev).");
        _init = (delegate* unmanaged<int*, byte***, int>)Export("MPI_Init");
        _finalized = (delegate* unmanaged<int*, int>)Export("MPI_Finalized");
        _finalize = (delegate* unmanaged<int>)Export("MPI_Finalize");
        _commRank = (delegate* unmanaged<IntPtr, int*, int>)Export("MPI_Comm_rank");
        _commSize = (delegate* unmanaged<IntPtr, int*, int>)Export("MPI_Comm_size");
        _allreduce = (delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, IntPtr, IntPtr, int>)Export("MPI_Allreduce");
        _bcast = (delegate* unmanaged<IntPtr, int, IntPtr, int, IntPtr, int>)Export("MPI_Bcast");
        _allgather = (delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, int, IntPtr, IntPtr, int>)Export("MPI_Allgather");
        _barrier = (delegate* unmanaged<IntPtr, int>)Export("MPI_Barrier");
        _abort = (delegate* unmanaged<IntPtr, int, int>)Export("MPI_Abort");
        _world = Export("ompi_mpi_comm_world");
        _sum = Export("ompi_mpi_op_sum");
        _types[ScalarType.Float32] = Export("ompi_mpi_float");
        _types[ScalarType.Float64] = Export("ompi_mpi_double");
        _types[ScalarType.Int64] = Export("ompi_mpi_int64_t");
        _types[ScalarType.Int32] = Export("ompi_mpi_int");
        _types[ScalarType.Byte] = Export("ompi_mpi_unsigned_char");

        Check(_init(null, null), "MPI_Init");
        int rank, size;
        Check(_commRank(_world, &rank), "MPI_Comm_rank");
        Check(_commSize(_world, &size), "MPI_Comm_size");
        Rank = rank;
        WorldSize = size;
        LocalRank = int.TryParse(Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_LOCAL_RANK"), out int local) ? local : 0;

        _exit = new ExitBarrier(Export, _world, rank, size, Abort);

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            // MPI_Abort ends the process before .NET would print the exception: print it here.
            Console.Error.WriteLine($"rank {Rank}: unhandled exception; aborting the MPI job so that no rank waits forever.{Environment.NewLine}{e.ExceptionObject}");
            Abort(1);
        };
    }

    private IntPtr Export(string name) => NativeLibrary.GetExport(_library, name);

    /// <inheritdoc />
    public string Name => "mpi";
    /// <inheritdoc />
    public int Rank { get; }
    /// <inheritdoc />
    public int WorldSize { get; }
    /// <inheritdoc />
    public int LocalRank { get; }

    private IntPtr TypeOf(Tensor tensor, string parameter)
    {
        if (tensor.device_type != TorchSharp.DeviceType.CPU)
            throw new ArgumentException($"The MPI backend works on CPU tensors; {parameter} is on {tensor.device}.", parameter);
        if (!tensor.is_contiguous())
            throw new ArgumentException($"The MPI backend needs contiguous tensors; {parameter} is not.", parameter);
        return _types.TryGetValue(tensor.dtype, out var type)
            ? type
            : throw new ArgumentException($"The MPI backend does not reduce {tensor.dtype} tensors ({parameter}).", parameter);
    }

    /// <inheritdoc />
    public void AllReduce(Tensor tensor)
    {
        var type = TypeOf(tensor, nameof(tensor));
        int size = (int)tensor.element_size();
        _exit.Enter(Collective.AllReduce);
        try
        {
            fixed (byte* data = tensor.bytes)
            {
                // MPI counts are ints: reduce huge tensors in chunks.
                for (long offset = 0; offset < tensor.numel(); offset += int.MaxValue)
                {
                    int count = (int)Math.Min(int.MaxValue, tensor.numel() - offset);
                    Check(_allreduce(InPlace, (IntPtr)(data + offset * size), count, type, _sum, _world), "MPI_Allreduce");
                }
            }
        }
        finally
        {
            _exit.Leave();
        }
    }

    /// <inheritdoc />
    public void Broadcast(Tensor tensor, int root)
    {
        var type = TypeOf(tensor, nameof(tensor));
        int size = (int)tensor.element_size();
        _exit.Enter(Collective.Broadcast);
        try
        {
            fixed (byte* data = tensor.bytes)
            {
                for (long offset = 0; offset < tensor.numel(); offset += int.MaxValue)
                {
                    int count = (int)Math.Min(int.MaxValue, tensor.numel() - offset);
                    Check(_bcast((IntPtr)(data + offset * size), count, type, root, _world), "MPI_Bcast");
                }
            }
        }
        finally
        {
            _exit.Leave();
        }
    }

    /// <inheritdoc />
    public void AllGather(Tensor input, Tensor output)
    {
        var type = TypeOf(input, nameof(input));
        TypeOf(output, nameof(output));
        int count = checked((int)input.numel());
        _exit.Enter(Collective.AllGather);
        try
        {
            fixed (byte* send = input.bytes)
            fixed (byte* receive = output.bytes)
                Check(_allgather((IntPtr)send, count, type, (IntPtr)receive, count, type, _world), "MPI_Allgather");
        }
        finally
        {
            _exit.Leave();
        }
    }

    /// <inheritdoc />
    public void Barrier()
    {
        _exit.Enter(Collective.Barrier);
        try
        {
            Check(_barrier(_world), "MPI_Barrier");
        }
        finally
        {
            _exit.Leave();
        }
    }

    /// <inheritdoc />
    public void Abort(int exitCode)
    {
        Console.Error.Flush();
        _abort(_world, exitCode);
    }

    private static void Check(int code, string call)
    {
        if (code != 0) throw new InvalidOperationException($"{call} failed with MPI error code {code}.");
    }

    /// <summary>
    /// Leaves the job once: waits at the exit barrier until every rank has reached its own, then calls
    /// <c>MPI_Finalize</c>; aborts the job (with the reason on standard error) when another rank waits in a
    /// collective this one never entered. Runs by itself at process exit.
    /// </summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        int finalized;
        if (_finalized(&finalized) != 0 || finalized != 0) return;
        _exit.Pass(Environment.ExitCode);
        _finalize();
    }
}
