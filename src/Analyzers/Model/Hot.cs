using System.Runtime.CompilerServices;

namespace Composer.Analyzers.Model;

/// <summary>
/// For the few methods that run once per syntax node or operation: compiled optimized on first call. A build loads the
/// analyzer fresh, so without this they run as tier-0 code for the whole build, about three times slower.
/// </summary>
internal static class Hot
{
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; the runtime honours it.</summary>
    public const MethodImplOptions Path = (MethodImplOptions)512;
}
