using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Composer.Distributed;

/// <summary>
/// Open MPI's <c>libmpi</c> through function pointers. Predefined handles (<c>MPI_COMM_WORLD</c>, <c>MPI_FLOAT</c>,
/// <c>MPI_SUM</c>, …) are the addresses of exported symbols in Open MPI. Chosen by <see cref="Dist.Initialize()"/>
/// when <c>mpirun</c> launched the process. Finalizes at process exit (mpirun fails a job whose processes don't),
/// and aborts the whole job when this process dies of an unhandled exception, so other ranks never hang.
/// </summary>
public sealed unsafe class MpiBackend : IDistBackend
{
    const string Library = "libmpi.so.40";
    static readonly IntPtr InPlace = 1; // MPI_IN_PLACE in Open MPI

    readonly IntPtr _library, _world, _sum;
    readonly Dictionary<ScalarType, IntPtr> _types = new();
    readonly delegate* unmanaged<int*, byte***, int> _init;
    readonly delegate* unmanaged<int*, int> _finalized;
    readonly delegate* unmanaged<int> _finalize;
    readonly delegate* unmanaged<IntPtr, int*, int> _commRank, _commSize;
    readonly delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, IntPtr, IntPtr, int> _allreduce;
    readonly delegate* unmanaged<IntPtr, int, IntPtr, int, IntPtr, int> _bcast;
    readonly delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, int, IntPtr, IntPtr, int> _allgather;
    readonly delegate* unmanaged<IntPtr, int> _barrier;
    readonly delegate* unmanaged<IntPtr, int, int> _abort;
    bool _disposed;

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

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Console.Error.WriteLine($"rank {Rank}: unhandled {e.ExceptionObject.GetType().Name}; aborting the MPI job so no rank waits forever.");
            Abort(1);
        };
    }

    IntPtr Export(string name) => NativeLibrary.GetExport(_library, name);

    /// <inheritdoc />
    public string Name => "mpi";
    /// <inheritdoc />
    public int Rank { get; }
    /// <inheritdoc />
    public int WorldSize { get; }
    /// <inheritdoc />
    public int LocalRank { get; }

    IntPtr TypeOf(Tensor tensor, string parameter)
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

    /// <inheritdoc />
    public void Broadcast(Tensor tensor, int root)
    {
        var type = TypeOf(tensor, nameof(tensor));
        int size = (int)tensor.element_size();
        fixed (byte* data = tensor.bytes)
        {
            for (long offset = 0; offset < tensor.numel(); offset += int.MaxValue)
            {
                int count = (int)Math.Min(int.MaxValue, tensor.numel() - offset);
                Check(_bcast((IntPtr)(data + offset * size), count, type, root, _world), "MPI_Bcast");
            }
        }
    }

    /// <inheritdoc />
    public void AllGather(Tensor input, Tensor output)
    {
        var type = TypeOf(input, nameof(input));
        TypeOf(output, nameof(output));
        fixed (byte* send = input.bytes)
        fixed (byte* receive = output.bytes)
            Check(_allgather((IntPtr)send, checked((int)input.numel()), type, (IntPtr)receive, checked((int)input.numel()), type, _world), "MPI_Allgather");
    }

    /// <inheritdoc />
    public void Barrier() => Check(_barrier(_world), "MPI_Barrier");

    /// <inheritdoc />
    public void Abort(int exitCode)
    {
        Console.Error.Flush();
        _abort(_world, exitCode);
    }

    static void Check(int code, string call)
    {
        if (code != 0) throw new InvalidOperationException($"{call} failed with MPI error code {code}.");
    }

    /// <summary>Calls <c>MPI_Finalize</c> once.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        int finalized;
        if (_finalized(&finalized) == 0 && finalized == 0) _finalize();
    }
}
