namespace Composer.Runtime.Tests;

/// <summary>
/// Captures what the process writes to standard error until disposed. Console.Error is one per process, so
/// tests that capture it belong to a collection that runs alone (<see cref="StandardErrorCollection"/>, or
/// the training collection).
/// </summary>
internal sealed class StandardError : IDisposable
{
    private readonly TextWriter _original = Console.Error;
    private readonly StringWriter _captured = new();

    public StandardError() => Console.SetError(_captured);

    public string Text => _captured.ToString();

    /// <summary>The lines that start with "warning:".</summary>
    public string[] Warnings => Text.Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToArray();

    public void Dispose() => Console.SetError(_original);
}

/// <summary>Tests that capture standard error or change process-wide defaults: they run one at a time and alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StandardErrorCollection
{
    public const string Name = "Standard error";
}
