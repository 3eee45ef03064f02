using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>One place that runs through a loader's batches: a <c>foreach</c>, a <c>GetEnumerator()</c> call, or a LINQ call.</summary>
internal sealed class Iteration(IOperation site, IOperation loader, ISymbol? loaderSymbol, Location location, IReadOnlyList<IOperation> bodies, bool throughCall = false, bool countedAtCalls = false)
{
    /// <summary>The foreach loop, the <c>GetEnumerator()</c> call or the LINQ call; or the call of a method in view that iterates the loader.</summary>
    public IOperation Site { get; } = site;
    /// <summary>The loader expression.</summary>
    public IOperation Loader { get; } = loader;
    public ISymbol? LoaderSymbol { get; } = loaderSymbol;
    /// <summary>Where CMP002 reports it: the foreach collection, the call.</summary>
    public Location Location { get; } = location;
    /// <summary>The code that runs while the iteration is under way: the foreach body, the <c>while (e.MoveNext())</c> loops.</summary>
    public IReadOnlyList<IOperation> Bodies { get; } = bodies;

    /// <summary>
    /// An iteration in a method in view that <see cref="Site"/> calls (<c>TrainOneEpoch(train)</c>). It makes the loop
    /// around the call an epoch loop only when the loader's order depends on the epoch: an evaluation helper does not.
    /// </summary>
    public bool ThroughCall { get; } = throughCall;

    /// <summary>
    /// A local function's iteration of its own parameter, once per call (<c>double TrainEpoch(PkLoader loader) { foreach (var b in loader) … }</c>):
    /// it iterates the argument at each call, where it is judged, as for a method in view; not reported here as well.
    /// </summary>
    public bool CountedAtCalls { get; } = countedAtCalls;

    public Iteration WithLoaderSymbol(ISymbol? symbol) => new(Site, Loader, symbol, Location, Bodies, ThroughCall, CountedAtCalls);

    public Iteration AsCountedAtCalls() => new(Site, Loader, LoaderSymbol, Location, Bodies, ThroughCall, countedAtCalls: true);
}
