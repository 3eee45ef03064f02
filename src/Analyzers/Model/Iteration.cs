using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>One place that runs through a loader's batches: a <c>foreach</c>, a <c>GetEnumerator()</c> call, or a LINQ call.</summary>
internal sealed class Iteration(IOperation site, IOperation loader, ISymbol? loaderSymbol, Location location, IReadOnlyList<IOperation> bodies)
{
    /// <summary>The foreach loop, the <c>GetEnumerator()</c> call or the LINQ call.</summary>
    public IOperation Site { get; } = site;
    /// <summary>The loader expression.</summary>
    public IOperation Loader { get; } = loader;
    public ISymbol? LoaderSymbol { get; } = loaderSymbol;
    /// <summary>Where CMP002 reports it: the foreach collection, the call.</summary>
    public Location Location { get; } = location;
    /// <summary>The code that runs while the iteration is under way: the foreach body, the <c>while (e.MoveNext())</c> loops.</summary>
    public IReadOnlyList<IOperation> Bodies { get; } = bodies;

    public Iteration WithLoaderSymbol(ISymbol? symbol) => new(Site, Loader, symbol, Location, Bodies);
}
