using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP002: a loader whose order depends on the epoch is iterated in an epoch loop, and nothing on that loop's pass
/// tells it the epoch. Reported on the iteration; the fix inserts <c>Epochs.SetEpoch(loader, epoch)</c> before it.
/// </summary>
internal static class CMP002EpochNeverSet
{
    public static void Find(EpochFlow flow, ImmutableArray<Diagnostic>.Builder findings)
    {
        foreach (var iteration in flow.Iterations)
        {
            // A local function's iteration of its parameter is judged at its calls, as the argument's.
            if (iteration.LoaderSymbol is not { } loader || iteration.CountedAtCalls) continue;
            var facts = flow.FactsOf(loader, iteration.Loader.Type);
            if (!facts.EpochDependent) continue;
            foreach (var (loop, site) in flow.InnermostLoops(iteration.Site, flow.IsEpochLoop))
            {
                // An iteration only some ranks reach needs its epoch on those ranks: not by a setter in its branch's other arm.
                var limit = flow.RankBranchOf(site, loop);
                bool everyRank = limit is null;
                var elsewhere = limit?.Others ?? ImmutableArray<IOperation>.Empty;
                if (Handled(flow, loader, iteration.Loader, facts, loop, everyRank: everyRank, elsewhere: elsewhere) || WiredInItsType(flow, loader, iteration.Loader, facts)) continue;
                findings.Add(everyRank && RankOnlyCondition(flow, loader, iteration.Loader, facts, loop) is { } condition
                    ? Report(flow, Descriptors.CMP002EpochSetOnSomeRanks, iteration.Location, iteration.Loader, loop, site, iteration.Loader.Syntax.ToString(), condition)
                    : Report(flow, Descriptors.CMP002EpochNeverSet, iteration.Location, iteration.Loader, loop, site));
                break;
            }
        }
    }

    /// <summary>
    /// Whether the pass tells the loader its epoch: a setter on it, its parts or a collection holding it; code not in view
    /// it is handed to; or a fresh loader per pass seeded from the epoch. With <paramref name="everyRank"/>, on every
    /// rank: not by a setter only in a branch that some ranks take (<c>if (Dist.Rank == 0)</c>), unless its other
    /// branches set it too; never by a setter in <paramref name="elsewhere"/> (the other arms of the iteration's own rank branch).
    /// </summary>
    public static bool Handled(EpochFlow flow, ISymbol loader, IOperation iterated, LoaderFacts facts, ILoopOperation loop, bool throughArms = true, bool everyRank = false, ImmutableArray<IOperation> elsewhere = default) =>
        flow.Events.Any(e => Covers(flow, e, loader, iterated, facts) && (e.IsDelegated || flow.IsWithin(e.Site, loop)) &&
                             (!everyRank || ReachesEveryRank(flow, e, loader, iterated, facts, loop)) &&
                             (elsewhere.IsDefaultOrEmpty || !RunsOnlyIn(flow, e.Site, loop, elsewhere))) ||
        facts.IsSeededPerPass(loop) ||
        throughArms && ArmsHandled(flow, loader, loop, everyRank);

    /// <summary>Whether a setter runs on the pass only within <paramref name="arms"/>: written there, or in a local function or stored lambda called only there.</summary>
    private static bool RunsOnlyIn(EpochFlow flow, IOperation site, ILoopOperation loop, ImmutableArray<IOperation> arms)
    {
        if (arms.Any(arm => arm.Syntax.Span.Contains(site.Syntax.Span))) return true;
        var calls = flow.InnermostLoops(site, l => l == loop);
        return calls.Count > 0 && calls.All(call => arms.Any(arm => arm.Syntax.Span.Contains(call.Site.Syntax.Span)));
    }

    /// <summary>Whether <paramref name="e"/> within <paramref name="bound"/> runs on every rank (see <see cref="UncoveredLimit"/>).</summary>
    private static bool ReachesEveryRank(EpochFlow flow, EpochEvent e, ISymbol loader, IOperation iterated, LoaderFacts facts, IOperation bound) =>
        UncoveredLimit(flow, e.Site, loader, iterated, facts, bound) is null;

    /// <summary>
    /// The rank branch that keeps a setter at <paramref name="site"/> from some ranks within <paramref name="bound"/>, if
    /// any: a branch counts as covered when each other arm sets the loader on every rank of its own and the branch itself
    /// is reached by every rank (a rank <c>switch</c> inside <c>if (Dist.LocalRank == 0)</c> is not: that <c>if</c> is the limit).
    /// </summary>
    private static RankBranch? UncoveredLimit(EpochFlow flow, IOperation site, ISymbol loader, IOperation iterated, LoaderFacts facts, IOperation bound)
    {
        if (flow.RankBranchOf(site, bound) is not { } limit) return null;
        bool covered = limit.Exhaustive && limit.Others.All(other => flow.Events.Any(o => other.Syntax.Span.Contains(o.Site.Syntax.Span) && Covers(flow, o, loader, iterated, facts) &&
                                                                                            UncoveredLimit(flow, o.Site, loader, iterated, facts, other) is null));
        return covered ? UncoveredLimit(flow, limit.Chooser, loader, iterated, facts, bound) : limit;
    }

    /// <summary>What lets only some ranks reach a setter of the loader on the pass, if anything: a branch's condition, a case's labels, or a guard that sends the others away (<c>if (rank != 0) continue;</c>).</summary>
    private static string? RankOnlyCondition(EpochFlow flow, ISymbol loader, IOperation iterated, LoaderFacts facts, ILoopOperation loop)
    {
        foreach (var e in flow.Events)
            if (Covers(flow, e, loader, iterated, facts) && UncoveredLimit(flow, e.Site, loader, iterated, facts, loop) is { } limit)
                return limit.Condition;
        return null;
    }

    /// <summary>
    /// A local that only chooses among other loaders (<c>var loader = training ? train : val</c>, a <c>switch</c>, <c>??</c>)
    /// is handled when every arm whose order depends on the epoch is.
    /// </summary>
    private static bool ArmsHandled(EpochFlow flow, ISymbol loader, ILoopOperation loop, bool everyRank)
    {
        if (loader is not ILocalSymbol) return false;
        var (values, unknown) = flow.ValuesOf(loader);
        var arms = new List<IOperation>();
        if (unknown || values.Count == 0 || !values.All(v => Arms(v, arms))) return false;
        return arms.All(arm => arm.ReferencedSymbol() is { } symbol && !KnownTypes.Is(symbol, loader) &&
                               (!flow.FactsOf(symbol, arm.Type).EpochDependent || Handled(flow, symbol, arm, flow.FactsOf(symbol, arm.Type), loop, throughArms: false, everyRank)));

        static bool Arms(IOperation value, List<IOperation> arms) => value.WalkDown() switch
        {
            IConditionalOperation { WhenFalse: { } whenFalse } conditional => Arms(conditional.WhenTrue, arms) && Arms(whenFalse, arms),
            ISwitchExpressionOperation @switch => @switch.Arms.All(arm => arm.Value.WalkDown() is IThrowOperation || Arms(arm.Value, arms)),
            ICoalesceOperation coalesce => Arms(coalesce.Value, arms) && Arms(coalesce.WhenNull, arms),
            var leaf when leaf.ReferencedSymbol() is not null => Add(arms, leaf),
            _ => false,
        };

        static bool Add(List<IOperation> arms, IOperation arm)
        {
            arms.Add(arm);
            return true;
        }
    }

    /// <summary>
    /// A loader field or property wired up by its type in view: its setter handed on by a constructor or method
    /// (<c>EpochStarting += _train.SetEpoch</c> in the constructor or in a <c>Configure()</c> its caller calls), or the
    /// loader handed by a constructor to code not in view (a listener it registers). It counts on every pass, as a setter
    /// handed on in the looping member does. Asked only where the pass itself handles nothing.
    /// </summary>
    private static bool WiredInItsType(EpochFlow flow, ISymbol loader, IOperation iterated, LoaderFacts facts) =>
        loader is IFieldSymbol or IPropertySymbol && loader.ContainingType is { } type &&
        flow.Tree.WiredEvents(type).Any(e => Covers(flow, e, loader, iterated, facts));

    private static bool Covers(EpochFlow flow, EpochEvent e, ISymbol loader, IOperation iterated, LoaderFacts facts) =>
        e.Symbol is not null && (KnownTypes.Is(e.Symbol, loader) && !flow.OtherObjects(e.Loader, iterated) || facts.Parts.Contains(e.Symbol));

    /// <summary>
    /// A diagnostic whose fix inserts a statement into <paramref name="loop"/>'s pass before <paramref name="site"/>:
    /// additional locations are the statement to insert before and the loop; the epoch property is the loop's counter.
    /// </summary>
    internal static Diagnostic Report(EpochFlow flow, DiagnosticDescriptor rule, Location location, IOperation loader, ILoopOperation loop, IOperation site, params object[] arguments)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(Properties.Loader, loader.Syntax.ToString());
        if (flow.EpochVariable(loop) is { } epoch) properties = properties.Add(Properties.Epoch, epoch);
        // A loader type of the user's: the enclosing method is looked up only then (a fix must not call back into it).
        if (loader.Type is { } type && flow.Tree.Types.KindOf(type, flow.Tree.Settings) is LoaderKind.Shape &&
            KnownTypes.OwnSetter(type, LoaderKind.Shape, flow.Tree.Settings, flow.Tree.Model.GetEnclosingSymbol(site.Syntax.SpanStart, flow.Tree.CancellationToken)) is { } setter)
            properties = properties.Add(Properties.Setter, setter);
        var additional = new List<Location>();
        if (Anchors(site, loop) is var (top, inner)) additional.AddRange([top.GetLocation(), loop.Syntax.GetLocation(), inner.GetLocation()]);
        return Diagnostic.Create(rule, location, additional, properties, arguments.Length == 0 ? [loader.Syntax.ToString()] : arguments);
    }

    /// <summary>
    /// Where a statement can go before <paramref name="site"/> on the same pass of the loop: the statement of the
    /// loop's own body that holds it (runs once per pass, even when the site is in a lambda that a retry helper may
    /// run twice), and the innermost statement that holds it (for a loader declared in between).
    /// </summary>
    internal static (StatementSyntax Top, StatementSyntax Inner)? Anchors(IOperation site, ILoopOperation loop)
    {
        var inner = site.Syntax.FirstAncestorOrSelf<StatementSyntax>();
        if (inner is null || inner == loop.Syntax || !loop.Syntax.Span.Contains(inner.Span)) return null;
        var top = inner;
        foreach (var statement in inner.AncestorsAndSelf().OfType<StatementSyntax>())
        {
            if (statement == loop.Syntax || statement is BlockSyntax && statement.Parent == loop.Syntax) break;
            top = statement;
        }
        return (top, inner);
    }
}
