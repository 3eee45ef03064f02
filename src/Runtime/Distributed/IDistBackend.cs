using static TorchSharp.torch;

namespace Composer.Distributed;

/// <summary>
/// A way for the processes of a training job to talk: MPI on CPUs here, and the place where NCCL plugs in
/// on GPU machines without CPU-only builds knowing about it. Tensors are contiguous and in place.
/// </summary>
public interface IDistBackend : IDisposable
{
    /// <summary>A short name for messages ("mpi", "single").</summary>
    string Name { get; }
    /// <summary>This process's rank.</summary>
    int Rank { get; }
    /// <summary>The number of processes.</summary>
    int WorldSize { get; }
    /// <summary>This process's rank among the processes of its machine.</summary>
    int LocalRank { get; }
    /// <summary>Sums <paramref name="tensor"/> across all processes, in place.</summary>
    void AllReduce(Tensor tensor);
    /// <summary>Copies <paramref name="tensor"/> of rank <paramref name="root"/> into every process's tensor.</summary>
    void Broadcast(Tensor tensor, int root);
    /// <summary>Fills <paramref name="output"/> (WorldSize × input) with every rank's <paramref name="input"/>, in rank order.</summary>
    void AllGather(Tensor input, Tensor output);
    /// <summary>Waits until every process has reached this call.</summary>
    void Barrier();
    /// <summary>Ends every process of the job with <paramref name="exitCode"/>: the way out when one rank fails.</summary>
    void Abort(int exitCode);
}
