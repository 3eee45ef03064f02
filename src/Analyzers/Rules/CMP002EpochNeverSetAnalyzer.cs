using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP002: a loader that reshuffles from (seed, epoch) is iterated inside an epoch loop, and nothing in
/// that loop sets its epoch.
/// </summary>
/// <remarks>
/// The epoch loop is the innermost for/foreach/while/do loop around the iteration (<c>foreach</c> over the
/// loader or over <c>loader.IterateFrom(n)</c>, or an explicit <c>loader.GetEnumerator()</c>), not across a
/// lambda or local function. The loader must be
/// created in the same member, so that its sampling is known. The loop handles the epoch when it calls
/// <c>Epochs.SetEpoch(loader, …)</c>, <c>loader.SetEpoch(…)</c>, sets the epoch on any part of the loader or on
/// a variable the loader was built from, or passes the loader to a method (which may set it).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMP002EpochNeverSetAnalyzer : EpochRuleAnalyzer
{
    /// <summary>Diagnostic property: the loader expression as written.</summary>
    public const string LoaderProperty = "Loader";
    /// <summary>Diagnostic property: the epoch loop's variable, when it has exactly one.</summary>
    public const string EpochVariableProperty = "EpochVariable";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.CMP002EpochNeverSet);

    private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types)
    {
        context.RegisterOperationAction(c =>
        {
            if (c.Operation is IForEachLoopOperation iteration)
                Analyze(c, types, iteration, iteration.IteratedCollection(), iteration.Collection.Syntax.GetLocation());
        }, OperationKind.Loop);
        // An explicit enumerator: `using var e = loader.GetEnumerator(); while (e.MoveNext()) …`.
        context.RegisterOperationAction(c =>
        {
            if (c.Operation is IInvocationOperation { TargetMethod.Name: "GetEnumerator", Arguments.Length: 0, Instance: { } owner } call)
                Analyze(c, types, call, owner.WalkDown(), call.Syntax.GetLocation());
        }, OperationKind.Invocation);
    }

    static void Analyze(OperationAnalysisContext context, KnownTypes types, IOperation iteration, IOperation collection, Location location)
    {
        if (!types.IsLoader(collection.Type) || collection.ReferencedSymbol() is not { } loader) return;

        var epochLoop = iteration.EnclosingLoops().FirstOrDefault();
        if (epochLoop is null) return; // a single pass, such as an evaluation

        var creation = LoaderCreation.Find(loader, iteration.Root());
        if (creation is null || !LoaderCreation.IsEpochAware(creation, types)) return;

        var parts = new HashSet<ISymbol>(LoaderCreation.PartsNamedIn(creation), SymbolEqualityComparer.Default);
        foreach (var call in EpochScope.Calls(epochLoop, types))
        {
            if (SymbolEqualityComparer.Default.Equals(call.LoaderSymbol, loader)) return;
            if (call.Object is not null && parts.Contains(call.Object)) return;
        }
        if (EpochScope.MentionsBatchSampler(epochLoop, loader) || EpochScope.PassesToAMethod(epochLoop, loader)) return;

        var properties = ImmutableDictionary<string, string?>.Empty.Add(LoaderProperty, collection.Syntax.ToString());
        if (EpochVariable(epochLoop) is { } variable) properties = properties.Add(EpochVariableProperty, variable.Name);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CMP002EpochNeverSet, location, properties, collection.Syntax.ToString()));
    }

    /// <summary>The integer variable a for or foreach loop declares, when there is exactly one.</summary>
    internal static ILocalSymbol? EpochVariable(ILoopOperation loop)
    {
        var candidates = loop.Locals.Where(l => l.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64).ToList();
        return loop is IForLoopOperation or IForEachLoopOperation && candidates.Count == 1 ? candidates[0] : null;
    }
}
