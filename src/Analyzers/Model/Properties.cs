namespace Composer.Analyzers.Model;

/// <summary>Names of the diagnostic properties the code fixes read.</summary>
internal static class Properties
{
    /// <summary>The loader expression as written.</summary>
    public const string Loader = "Loader";
    /// <summary>The epoch expression to use (the epoch loop's variable or counter); absent when the loop has none.</summary>
    public const string Epoch = "Epoch";
    /// <summary>
    /// CMP001, CMP002: the loader's own epoch method, which the fix calls instead of <c>Epochs.SetEpoch</c>: an
    /// EpochDataLoader's <c>SetEpoch</c> (CMP001), or a loader type of the user's method by a name from <c>epoch_setters</c>
    /// (<c>feeder.StartEpoch(epoch)</c>), which <c>Epochs.SetEpoch</c> cannot call (<see cref="KnownTypes.OwnSetter"/>); empty
    /// when a type named in <c>loader_types</c> has neither a setter nor parts, so that no fix can set its epoch.
    /// </summary>
    public const string Setter = "Setter";
    /// <summary>CMP004: the parameter to pass the epoch for, where a call leaves it to its default value.</summary>
    public const string Parameter = "Parameter";
    /// <summary>CMP006: the name of the argument to remove.</summary>
    public const string Argument = "Argument";
}
