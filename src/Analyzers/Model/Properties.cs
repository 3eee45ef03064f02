namespace Composer.Analyzers.Model;

/// <summary>Names of the diagnostic properties the code fixes read.</summary>
internal static class Properties
{
    /// <summary>The loader expression as written.</summary>
    public const string Loader = "Loader";
    /// <summary>The epoch expression to use (the epoch loop's variable or counter); absent when the loop has none.</summary>
    public const string Epoch = "Epoch";
    /// <summary>"true" when the loader is an EpochDataLoader, so that <c>loader.SetEpoch(epoch)</c> reads best.</summary>
    public const string EpochDataLoader = "EpochDataLoader";
    /// <summary>
    /// CMP002: the loader's own epoch method, which the fix calls instead of <c>Epochs.SetEpoch</c> (a type named in
    /// <c>loader_types</c>: <c>Epochs.SetEpoch</c> reaches only members named like a loader's parts); empty when the type
    /// has neither, so that no fix can set its epoch.
    /// </summary>
    public const string Setter = "Setter";
    /// <summary>CMP004: the parameter to pass the epoch for, where a call leaves it to its default value.</summary>
    public const string Parameter = "Parameter";
    /// <summary>CMP006: the name of the argument to remove.</summary>
    public const string Argument = "Argument";
}
