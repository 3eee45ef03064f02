namespace Composer.Distributed.Tests;

/// <summary>The few assertions the distributed checks need.</summary>
internal static class Assert
{
    public static void True(bool condition, string message)
    {
        if (!condition) throw new Exception(message);
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) throw new Exception($"{what}: expected {expected}, got {actual}");
    }

    public static void SequenceEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual, string what)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        if (!e.SequenceEqual(a)) throw new Exception($"{what}: expected [{string.Join(",", e.Take(20))}], got [{string.Join(",", a.Take(20))}]");
    }
}
