using System.Globalization;

namespace Composer.Training;

/// <summary>
/// An amount of training time in one <see cref="TimeUnit"/>, parsed once at the edge from strings such
/// as <c>"3ep"</c>, <c>"500ba"</c>, <c>"20000sp"</c> or <c>"0.5dur"</c> (Composer's notation).
/// </summary>
/// <param name="Value">The amount; whole for epochs, batches and samples.</param>
/// <param name="Unit">What <paramref name="Value"/> counts.</param>
public readonly record struct Time(double Value, TimeUnit Unit)
{
    private static readonly (string Suffix, TimeUnit Unit)[] Suffixes =
    [
        ("dur", TimeUnit.Duration), ("ep", TimeUnit.Epoch), ("ba", TimeUnit.Batch), ("sp", TimeUnit.Sample),
    ];

    /// <summary>Parses a time string: a non-negative number followed by <c>ep</c>, <c>ba</c>, <c>sp</c> or <c>dur</c>.</summary>
    /// <param name="text">The string, for example <c>"3ep"</c>.</param>
    /// <exception cref="ArgumentException">The string is empty, has no known unit, a number that does not parse,
    /// is negative or not finite, or counts whole units (ep, ba, sp) with a fraction.</exception>
    public static Time Parse(string text) => Parse(text, nameof(text));

    /// <summary>Parses a time string, naming <paramref name="parameterName"/> in the error when it is invalid.</summary>
    /// <param name="text">The string, for example <c>"500ba"</c>.</param>
    /// <param name="parameterName">The parameter or property the string came from.</param>
    public static Time Parse(string? text, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"'{text}' is not a time: expected a number and a unit such as \"3ep\", \"500ba\", \"20000sp\" or \"0.5dur\".", parameterName);
        }

        string trimmed = text.Trim();
        foreach (var (suffix, unit) in Suffixes)
        {
            if (!trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string number = trimmed[..^suffix.Length];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw new ArgumentException($"'{text}' is not a time: '{number}' is not a number.", parameterName);
            }

            if (value < 0)
            {
                throw new ArgumentException($"'{text}' is not a time: it is negative.", parameterName);
            }

            if (unit != TimeUnit.Duration && value != Math.Floor(value))
            {
                throw new ArgumentException($"'{text}' is not a time: {unit} counts whole units; use \"dur\" for fractions.", parameterName);
            }

            return new Time(value, unit);
        }

        throw new ArgumentException($"'{text}' is not a time: the unit must be one of ep, ba, sp, dur (as in \"3ep\", \"500ba\", \"20000sp\", \"0.5dur\").", parameterName);
    }

    /// <summary>Parses a time string without throwing.</summary>
    /// <param name="text">The string.</param>
    /// <param name="time">The parsed time when the string is valid.</param>
    /// <returns>Whether the string is a valid time.</returns>
    public static bool TryParse(string? text, out Time time)
    {
        try
        {
            time = Parse(text, nameof(text));
            return true;
        }
        catch (ArgumentException)
        {
            time = default;
            return false;
        }
    }

    /// <summary>The time in Composer's notation, such as <c>"3ep"</c>.</summary>
    public override string ToString()
    {
        string suffix = Unit switch
        {
            TimeUnit.Epoch => "ep",
            TimeUnit.Batch => "ba",
            TimeUnit.Sample => "sp",
            _ => "dur",
        };
        return Value.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>Creates a time of whole epochs.</summary>
    /// <param name="epochs">The number of epochs.</param>
    public static Time Epochs(int epochs) => new(epochs, TimeUnit.Epoch);

    /// <summary>Creates a time of whole batches.</summary>
    /// <param name="batches">The number of batches.</param>
    public static Time Batches(long batches) => new(batches, TimeUnit.Batch);

    /// <summary>Creates a time of whole samples.</summary>
    /// <param name="samples">The number of samples.</param>
    public static Time Samples(long samples) => new(samples, TimeUnit.Sample);
}
