using System.Runtime.CompilerServices;

namespace Composer.Data;

/// <summary>Argument checks whose messages name the parameter and the value.</summary>
internal static class Check
{
    public static int Epoch(int epoch, [CallerArgumentExpression(nameof(epoch))] string? name = null) =>
        epoch >= 0 ? epoch : throw new ArgumentOutOfRangeException(name, epoch, $"The epoch must not be negative, but {name} was {epoch}.");

    public static long Positive(long value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, but was {value}.");

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, but was {value}.");

    public static long NotNegative(long value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative, but was {value}.");

    /// <summary>Resolves numReplicas/rank, defaulting from the process group (<see cref="Distributed.Dist"/>).</summary>
    public static (int NumReplicas, int Rank) Replicas(int? numReplicas, int? rank)
    {
        int replicas = numReplicas ?? Distributed.Dist.WorldSize;
        if (replicas <= 0)
            throw new ArgumentOutOfRangeException(nameof(numReplicas), replicas, $"numReplicas must be positive, but was {replicas}.");
        int r = rank ?? Distributed.Dist.Rank;
        if (r < 0 || r >= replicas)
            throw new ArgumentOutOfRangeException(nameof(rank), r, $"rank must be in [0, {replicas - 1}] for numReplicas = {replicas}, but was {r}.");
        return (replicas, r);
    }
}
