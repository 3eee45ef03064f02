using System.Runtime.CompilerServices;

namespace Composer;

/// <summary>
/// Argument checks whose messages name the parameter and the value: the one way the runtime validates arguments
/// (data, training, distributed). Each returns the value it checked, so a check reads as an assignment.
/// </summary>
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

    public static int AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= minimum ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}, but was {value}.");

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0, but was {value}.");

    public static double NotNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0, but was {value}.");

    /// <summary>A number in the closed interval [<paramref name="minimum"/>, <paramref name="maximum"/>] (NaN is not).</summary>
    public static double InRange(double value, double minimum, double maximum, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= minimum && value <= maximum ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{minimum}, {maximum}], but was {value}.");

    /// <summary>A number in the open interval (<paramref name="minimum"/>, <paramref name="maximum"/>) (NaN is not).</summary>
    public static double Between(double value, double minimum, double maximum, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > minimum && value < maximum ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in ({minimum}, {maximum}), but was {value}.");

    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null) where T : class =>
        value ?? throw new ArgumentNullException(name, $"{name} must not be null.");

    public static string NotEmpty(string? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is null ? throw new ArgumentNullException(name, $"{name} must not be null.")
        : string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty, but was '{value}'.", name)
        : value;

    /// <summary>A list without null elements.</summary>
    public static IReadOnlyList<T> NoNulls<T>(IReadOnlyList<T>? value, [CallerArgumentExpression(nameof(value))] string? name = null) where T : class
    {
        NotNull(value, name);
        for (int i = 0; i < value!.Count; i++)
        {
            if (value[i] is null)
                throw new ArgumentException($"{name} must not contain null, but element {i} was null.", name);
        }

        return value;
    }

    /// <summary>Bytes an index costs while held in memory: 8 for the array, 8 more for the copy made of it (native to managed, list to array).</summary>
    public const int BytesPerIndex = 16;

    /// <summary>
    /// Refuses a number of indices that must be held in memory at once (a permutation of a data set, an
    /// epoch's indices) when they cannot be: more than one array holds (<see cref="Array.MaxLength"/>), or more
    /// than <see cref="BytesPerIndex"/> bytes each allow in the memory this process may use. Refused at
    /// construction, before TorchSharp's <c>randperm</c> is asked for it (beyond what it can allocate, it crashes the process).
    /// </summary>
    /// <param name="count">How many indices.</param>
    /// <param name="what">What they are, for the message: "an epoch's indices".</param>
    /// <param name="name">The parameter to blame.</param>
    /// <param name="value">The parameter's value, when it is not <paramref name="count"/> itself.</param>
    /// <param name="subject">What the value is, for the message; <paramref name="name"/> unless given.</param>
    public static long HeldInMemory(long count, string what, [CallerArgumentExpression(nameof(count))] string? name = null, long? value = null, string? subject = null)
    {
        string stated = $"{subject ?? name} = {value ?? count}";
        if (count > Array.MaxLength)
            throw new ArgumentOutOfRangeException(name, value ?? count, $"{stated}: {what} must be held in one array, of at most {Array.MaxLength} indices (Array.MaxLength), and would need {count}.");
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available > 0 && count > available / BytesPerIndex)
            throw new ArgumentOutOfRangeException(name, value ?? count,
                $"{stated}: {what} must be held in memory, {count} indices at {BytesPerIndex} bytes, {Gib(count * BytesPerIndex)}, more than the {Gib(available)} this process may use (at most {available / BytesPerIndex} indices).");
        return count;
    }

    private static string Gib(long bytes) => $"{bytes / (double)(1L << 30):F1} GiB";

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
