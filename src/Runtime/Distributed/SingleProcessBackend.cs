using static TorchSharp.torch;

namespace Composer.Distributed;

/// <summary>A group of one process: collectives are identities.</summary>
public sealed class SingleProcessBackend : IDistBackend
{
    /// <inheritdoc />
    public string Name => "single";
    /// <inheritdoc />
    public int Rank => 0;
    /// <inheritdoc />
    public int WorldSize => 1;
    /// <inheritdoc />
    public int LocalRank => 0;
    /// <inheritdoc />
    public void AllReduce(Tensor tensor) { }
    /// <inheritdoc />
    public void Broadcast(Tensor tensor, int root) { }
    /// <inheritdoc />
    public void AllGather(Tensor input, Tensor output) => output.copy_(input.reshape(output.shape));
    /// <inheritdoc />
    public void Barrier() { }
    /// <inheritdoc />
    public void Abort(int exitCode) => Environment.Exit(exitCode);
    /// <inheritdoc />
    public void Dispose() { }
}
