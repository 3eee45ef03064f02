using static TorchSharp.torch;

namespace Composer.Distributed;

/// <summary>
/// The process group this process trains in, in the spirit of <c>torch.distributed</c>. Launched by
/// <c>mpirun</c>, it talks MPI; otherwise it is a group of one (rank 0 of world size 1).
/// </summary>
/// <remarks>
/// <see cref="Rank"/> and <see cref="WorldSize"/> are known from the launcher's environment before
/// <see cref="Initialize()"/>, so samplers built first still shard correctly; collectives initialize on first use.
/// </remarks>
public static class Dist
{
    private static readonly object Gate = new();
    private static IDistBackend? s_backend;

    static Dist()
    {
        // A rank that leaves before it ever talked to the others (an early return while loading data, say) must still
        // meet them at the exit barrier: mpirun notices a process that exits without MPI_Init only when the others
        // initialized first, and otherwise they would wait for it in MPI_Init forever.
        if (LaunchedByMpi) AppDomain.CurrentDomain.ProcessExit += (_, _) => JoinToLeave();
    }

    private static void JoinToLeave()
    {
        if (IsInitialized) return;
        try
        {
            Initialize().Dispose();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"rank {Rank}: could not join the MPI job to leave it: {e.Message}");
        }
    }

    /// <summary>Whether <c>mpirun</c> (Open MPI) launched this process.</summary>
    public static bool LaunchedByMpi => Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") is not null;

    /// <summary>Whether a backend has been started.</summary>
    public static bool IsInitialized => s_backend is not null;

    /// <summary>This process's rank in the group, from 0 to <see cref="WorldSize"/> − 1.</summary>
    public static int Rank => s_backend?.Rank ?? EnvironmentInt("OMPI_COMM_WORLD_RANK", 0);

    /// <summary>The number of processes in the group.</summary>
    public static int WorldSize => s_backend?.WorldSize ?? EnvironmentInt("OMPI_COMM_WORLD_SIZE", 1);

    /// <summary>This process's rank among the processes on its machine (the GPU to use).</summary>
    public static int LocalRank => s_backend?.LocalRank ?? EnvironmentInt("OMPI_COMM_WORLD_LOCAL_RANK", 0);

    /// <summary>The backend in use; starts the default one when none has been started.</summary>
    public static IDistBackend Backend => s_backend ?? Initialize();

    /// <summary>
    /// Starts the default backend once: MPI when launched by <c>mpirun</c>, a single process otherwise.
    /// Later calls return the same backend.
    /// </summary>
    public static IDistBackend Initialize() => Initialize(LaunchedByMpi ? () => new MpiBackend() : () => new SingleProcessBackend());

    /// <summary>Starts a given backend (NCCL, say) once; later calls return the backend already started.</summary>
    public static IDistBackend Initialize(Func<IDistBackend> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (Gate) return s_backend ??= create();
    }

    /// <summary>Sums <paramref name="tensor"/> across all ranks, in place (<c>torch.distributed.all_reduce</c>).</summary>
    public static void AllReduce(Tensor tensor) => Backend.AllReduce(Checked(tensor));

    /// <summary>Overwrites <paramref name="tensor"/> on every rank with rank <paramref name="root"/>'s.</summary>
    public static void Broadcast(Tensor tensor, int root = 0)
    {
        Checked(tensor);
        if (root < 0 || root >= WorldSize)
            throw new ArgumentOutOfRangeException(nameof(root), root, $"root must be a rank in [0, {WorldSize - 1}], but was {root}.");
        Backend.Broadcast(tensor, root);
    }

    /// <summary>Every rank's <paramref name="tensor"/>, stacked in rank order: shape <c>[WorldSize, …]</c>.</summary>
    public static Tensor AllGather(Tensor tensor)
    {
        Checked(tensor);
        var output = empty([WorldSize, .. tensor.shape], tensor.dtype);
        Backend.AllGather(tensor.contiguous(), output);
        return output;
    }

    /// <summary>Waits until every rank has reached this call.</summary>
    public static void Barrier() => Backend.Barrier();

    private static Tensor Checked(Tensor tensor) => tensor ?? throw new ArgumentNullException(nameof(tensor));

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out int value) ? value : fallback;
}
