namespace Composer.Distributed;

/// <summary>
/// The process group this process trains in, in the spirit of <c>torch.distributed</c>.
/// Without a launcher (no <c>mpirun</c>) it is a group of one: rank 0 of world size 1.
/// </summary>
public static class Dist
{
    /// <summary>This process's rank in the group, from 0 to <see cref="WorldSize"/> − 1.</summary>
    public static int Rank => 0;

    /// <summary>The number of processes in the group.</summary>
    public static int WorldSize => 1;
}
