using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP003: TorchSharp's <c>DataLoader</c> (constructor or <c>torch.utils.data.DataLoader</c>) made with <c>shuffle</c>
/// not false and a seed that does not change from epoch to epoch: TorchSharp reseeds from it at every enumeration.
/// A loader built inside a loop with a seed that changes with that loop is fine. Additional locations carry where the
/// fix sets the new sampler's epoch: each epoch loop that iterates the loader, with its counter in <c>Epoch{i}</c>.
/// </summary>
internal static class CMP003FixedSeedShuffle
{
    public static void Find(IOperation creation, TreeModel tree, ImmutableArray<Diagnostic>.Builder findings)
    {
        if (tree.Types.KindOf(creation.Type, tree.Settings) != LoaderKind.Torch || !Sampling.ShufflesFromSeed(creation)) return;
        var seed = Sampling.Argument(creation, "seed");
        // TorchSharp's own torch.utils.data.DataLoader(…) hands its caller's arguments on: its calls are checked instead.
        if (tree.Model.GetEnclosingSymbol(creation.Syntax.SpanStart, tree.CancellationToken) is IMethodSymbol method && KnownTypes.IsTorchFactory(method)) return;
        var flow = tree.FlowOf(creation);
        var stored = StoredIn(creation);
        // A seed that changes across a loop around the creation gives each loader made there an order of its own, unless an
        // epoch loop inside that loop iterates the same loader pass after pass (for (stage) { new DataLoader(…, seed: 500 +
        // stage); for (epoch) foreach … }): those epochs repeat one order.
        if (flow.InnermostLoops(creation, loop => flow.SeedVaries(seed!.Value, loop)).Count > 0 && !IteratedAcrossEpochs(flow, stored, creation)) return;
        // A per-epoch factory (RealForEpoch(data, epoch) => new DataLoader(…, seed: baseSeed + epoch)): its callers give the epoch.
        if (flow.ReadsAnEpochParameter(seed!.Value) && flow.InnermostLoops(creation, _ => true).Count == 0) return;

        var properties = ImmutableDictionary<string, string?>.Empty.Add(Properties.Loader, NameOf(creation));
        var additional = new List<Location>();
        if (stored is { } loader)
        {
            foreach (var other in tree.Flows.ToList())
            {
                foreach (var iteration in other.Iterations.Where(i => KnownTypes.Is(i.LoaderSymbol, loader)))
                {
                    foreach (var (loop, site) in other.InnermostLoops(iteration.Site, other.IsEpochLoop))
                    {
                        if (CMP002EpochNeverSet.Anchors(site, loop) is not var (top, inner)) continue;
                        // A loader declared inside that statement (in a Parallel.For lambda) is set just before the statement
                        // that iterates it, as CMP002's fix does: it is not in scope before the statement of the loop's body.
                        var anchor = loader is ILocalSymbol && loader.DeclaringSyntaxReferences.FirstOrDefault() is { } declared &&
                                     declared.SyntaxTree == top.SyntaxTree && top.Span.Contains(declared.Span) ? inner : top;
                        if (additional.Any(a => a.SourceSpan == anchor.Span)) continue;
                        if (other.EpochVariable(loop) is { } epoch) properties = properties.Add(Properties.Epoch + additional.Count, epoch);
                        additional.Add(anchor.GetLocation());
                    }
                }
            }
        }
        var seedText = seed!.Value.Syntax.ToString();
        findings.Add(Diagnostic.Create(Descriptors.CMP003FixedSeedShuffle, creation.Syntax.GetLocation(), additional, properties, NameOf(creation), seedText));
    }

    /// <summary>Whether an epoch loop of <paramref name="flow"/> that does not hold the creation iterates the loader it made.</summary>
    private static bool IteratedAcrossEpochs(EpochFlow flow, ISymbol? loader, IOperation creation) =>
        loader is not null && flow.Iterations.Any(i => KnownTypes.Is(i.LoaderSymbol, loader) &&
            flow.InnermostLoops(i.Site, flow.IsEpochLoop).Any(found => !found.Loop.Syntax.Span.Contains(creation.Syntax.Span)));

    /// <summary>The variable the loader is stored in: a local, a field or property (initializer or assignment).</summary>
    private static ISymbol? StoredIn(IOperation creation)
    {
        for (var parent = creation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IVariableDeclaratorOperation declarator: return declarator.Symbol;
                case IFieldInitializerOperation { InitializedFields.Length: 1 } field: return field.InitializedFields[0];
                case IPropertyInitializerOperation { InitializedProperties.Length: 1 } property: return property.InitializedProperties[0];
                case ISimpleAssignmentOperation assignment: return assignment.Target.ReferencedSymbol();
                case ICoalesceAssignmentOperation lazy: return lazy.Target.ReferencedSymbol(); // _train ??= new DataLoader(…)
                case IConversionOperation or IVariableInitializerOperation or IParenthesizedOperation: continue;
            }
            break;
        }
        return null;
    }

    /// <summary>The variable the loader is stored in, or its type name.</summary>
    private static string NameOf(IOperation creation) => StoredIn(creation)?.Name ?? creation.Type?.Name ?? "DataLoader";
}
