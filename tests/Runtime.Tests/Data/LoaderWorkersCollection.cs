namespace Composer.Runtime.Tests.Data;

/// <summary>
/// Loader-worker tests count every live tensor of the process and bound their time with xunit's Timeout, which
/// xunit 2 honours only with parallelization off: they run one at a time, alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoaderWorkersCollection
{
    public const string Name = "Loader workers";
}
