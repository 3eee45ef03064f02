using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP002: a loader whose order depends on the epoch is iterated in an epoch loop, and nothing on that loop's pass
/// tells it the epoch. Reported on the iteration; the fix inserts <c>Epochs.SetEpoch(loader, epoch)</c> before it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMP002EpochNeverSetAnalyzer() : EpochRuleAnalyzer(Descriptors.CMP002EpochNeverSet);

internal static class CMP002EpochNeverSet
{
    public static IEnumerable<Diagnostic> Find(EpochFlow flow)
    {
        foreach (var iteration in flow.Iterations)
        {
            if (iteration.LoaderSymbol is not { } loader) continue;
            var facts = flow.FactsOf(loader, iteration.Loader.Type);
            if (!facts.EpochDependent) continue;
            foreach (var (loop, site) in flow.InnermostLoops(iteration.Site, flow.IsEpochLoop))
            {
                if (Handled(flow, loader, facts, loop)) continue;
                yield return Report(flow, Descriptors.CMP002EpochNeverSet, iteration.Location, iteration.Loader, loop, site);
                break;
            }
        }
    }

    /// <summary>Whether the pass tells the loader its epoch: a setter on it, its parts or a collection holding it; code not in view it is handed to; or a fresh loader per pass seeded from the epoch.</summary>
    public static bool Handled(EpochFlow flow, ISymbol loader, LoaderFacts facts, ILoopOperation loop) =>
        flow.Events.Any(e => Covers(e, loader, facts) && flow.IsWithin(e.Site, loop)) || IsSeededPerPass(flow, facts, loop);

    static bool Covers(EpochEvent e, ISymbol loader, LoaderFacts facts) =>
        e.Symbol is not null && (KnownTypes.Is(e.Symbol, loader) || facts.Parts.Contains(e.Symbol));

    static bool IsSeededPerPass(EpochFlow flow, LoaderFacts facts, ILoopOperation loop) =>
        facts.Constructions.Count > 0 && facts.Constructions.All(c => loop.Syntax.Span.Contains(c.Syntax.Span)) &&
        facts.Constructions.All(c => Seeds(flow, c, 2).Any(seed => flow.Varies(seed, loop)));

    /// <summary>The seed arguments of a creation, of the creations inside it and of the locals it was built from.</summary>
    static IEnumerable<IOperation> Seeds(EpochFlow flow, IOperation creation, int depth)
    {
        foreach (var operation in creation.DescendantsAndSelf())
        {
            if (operation is IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Parameter.Name: "seed" } seed) yield return seed.Value;
            if (depth > 0 && operation is ILocalReferenceOperation local)
                foreach (var value in flow.ValuesOf(local.Local).Values)
                    foreach (var inner in Seeds(flow, value, depth - 1)) yield return inner;
        }
    }

    /// <summary>
    /// A diagnostic whose fix inserts a statement into <paramref name="loop"/>'s pass before <paramref name="site"/>:
    /// additional locations are the statement to insert before and the loop; the epoch property is the loop's counter.
    /// </summary>
    internal static Diagnostic Report(EpochFlow flow, DiagnosticDescriptor rule, Location location, IOperation loader, ILoopOperation loop, IOperation site, params object[] arguments)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(Properties.Loader, loader.Syntax.ToString());
        if (flow.EpochVariable(loop) is { } epoch) properties = properties.Add(Properties.Epoch, epoch);
        var additional = new List<Location>();
        if (Anchor(site, loop) is { } anchor) additional.AddRange([anchor.GetLocation(), loop.Syntax.GetLocation()]);
        return Diagnostic.Create(rule, location, additional, properties, arguments.Length == 0 ? [loader.Syntax.ToString()] : arguments);
    }

    /// <summary>The statement in the loop's body that holds <paramref name="site"/>: where a statement can go before it on the same pass.</summary>
    static StatementSyntax? Anchor(IOperation site, ILoopOperation loop)
    {
        var statement = site.Syntax.FirstAncestorOrSelf<StatementSyntax>();
        return statement is not null && statement != loop.Syntax && loop.Syntax.Span.Contains(statement.Span) ? statement : null;
    }
}
