using System.Security.Cryptography;

namespace Composer.Training;

/// <summary>Run names (<see cref="TrainerOptions.RunName"/>): made up for new runs, checked when given.</summary>
internal static class RunName
{
    private const int MaxLength = 100;

    /// <summary>A new run's name: the UTC time and 6 random hex digits, such as <c>20250101-120000-3fa2c1</c>.</summary>
    public static string New() => $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";

    /// <summary>Returns <paramref name="name"/> when it can be a run's name (and so part of a file name).</summary>
    /// <exception cref="ArgumentException">It is empty, too long, starts with '.', or has characters other than letters, digits, '-', '_' and '.'.</exception>
    public static string Check(string? name, string parameterName) =>
        name is { Length: > 0 and <= MaxLength } && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? name
            : throw new ArgumentException(
                $"{parameterName} must be 1 to {MaxLength} ASCII letters, digits, '-', '_' or '.' and not start with '.', not '{name}'.", parameterName);
}
