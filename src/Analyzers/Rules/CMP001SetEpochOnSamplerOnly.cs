using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP001: the epoch is set on <c>loader.Sampler</c> (cast, tested, aliased or through <c>?.</c>) of a loader that has
/// a batch sampler and may draw from a custom one, while nothing on the same pass handles that batch sampler: the
/// Composer bug. A setter of <c>loader.Sampler</c> handed on as a delegate counts wherever it is written.
/// </summary>
internal static class CMP001SetEpochOnSamplerOnly
{
    public static void Find(EpochFlow flow, ImmutableArray<Diagnostic>.Builder findings)
    {
        foreach (var set in flow.Events)
        {
            // A call, or the setter handed on as a delegate (hooks.Add(loader.sampler.SetEpoch)).
            // (Not a setter a method in view hands on: that method's own analysis reports it.)
            if (set is not { Target: EpochTarget.Sampler, Symbol: { } loader, Loader: { } expression } ||
                set.Call is null && !(set.IsDelegated && set.Site.Syntax.SyntaxTree == flow.Root.Syntax.SyntaxTree && flow.Root.Syntax.Span.Contains(set.Site.Syntax.Span))) continue;
            var facts = flow.FactsOf(loader, expression.Type);
            if (!facts.DrawsFromBatchSampler) continue;
            // The passes: each epoch loop the call runs in (a local function may be called from several), or the whole
            // member (an OnEpochStart callback, or wherever a delegate may be called). One that handles nothing is enough.
            var loops = set.IsDelegated ? [] : flow.InnermostLoops(set.Site, flow.IsEpochLoop);
            bool unhandled = loops.Count == 0 ? !Handled(flow, set, loader, facts, expression, flow.Root) : loops.Any(l => !Handled(flow, set, loader, facts, expression, l.Loop));
            if (!unhandled) continue;

            string loaderText = Operations.TextOf(expression);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(Properties.Loader, loaderText);
            // The loader's own setter where the fix should call it: an EpochDataLoader's SetEpoch, or a loader type of yours'.
            var site = (set.Call ?? set.Site).Syntax;
            if ((facts.Kind == LoaderKind.Epoch ? "SetEpoch" : facts.Kind == LoaderKind.Shape && expression.Type is { } own
                    ? KnownTypes.OwnSetter(own, facts.Kind, flow.Tree.Settings, flow.Tree.Model.GetEnclosingSymbol(site.SpanStart, flow.Tree.CancellationToken))
                    : null) is { Length: > 0 } setter)
                properties = properties.Add(Properties.Setter, setter);
            // The message names the sampler as the loader's type spells it (a ported loader's is loader.sampler).
            string sampler = expression.Type is { } type && KnownTypes.Member(type, KnownTypes.SamplerNames) is { } member ? member.Name : "Sampler";
            findings.Add(Diagnostic.Create(Descriptors.CMP001SetEpochOnSamplerOnly, site.GetLocation(), properties, loaderText, sampler));
        }
    }

    /// <summary>Whether the pass handles the batch sampler too, or builds the loader afresh with a changing seed (its order changes anyway, as CMP002 reads it).</summary>
    private static bool Handled(EpochFlow flow, EpochEvent set, ISymbol loader, LoaderFacts facts, IOperation expression, IOperation pass) =>
        pass is ILoopOperation loop && facts.IsSeededPerPass(loop) ||
        flow.Events.Any(other => other != set && HandlesBatchSampler(other, loader, facts) && !flow.OtherObjects(other.Loader, expression) &&
                                 (other.IsDelegated || flow.IsWithin(other.Site, pass)));

    private static bool HandlesBatchSampler(EpochEvent other, ISymbol loader, LoaderFacts facts) => other.Target switch
    {
        EpochTarget.WholeLoader or EpochTarget.BatchSampler => KnownTypes.Is(other.Symbol, loader),
        EpochTarget.Object => other.Symbol is not null && facts.BatchSamplerParts.Contains(other.Symbol),
        _ => false,
    };
}
