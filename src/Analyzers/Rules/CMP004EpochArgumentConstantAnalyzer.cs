using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP004: inside a loop, the epoch passed to <c>SetEpoch</c> / <c>Epochs.SetEpoch</c> is a constant, or is
/// made only of locals and parameters that no enclosing loop declares or changes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMP004EpochArgumentConstantAnalyzer : EpochRuleAnalyzer
{
    /// <summary>Diagnostic property: the variable of the innermost enclosing for/foreach loop, when it has exactly one.</summary>
    public const string LoopVariableProperty = "LoopVariable";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.CMP004EpochArgumentConstant);

    private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types) =>
        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);

    static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        if (EpochCall.From((IInvocationOperation)context.Operation, types) is not { } call) return;
        var loops = call.Invocation.EnclosingLoops().ToList();
        if (loops.Count == 0) return;

        var epoch = call.Epoch.WalkDown();
        if (!epoch.ConstantValue.HasValue)
        {
            var variables = epoch.DescendantsAndSelf()
                .Select(o => o switch { ILocalReferenceOperation l => (ISymbol)l.Local, IParameterReferenceOperation p => p.Parameter, _ => null })
                .Where(s => s is not null).ToList();
            // Fields, properties and calls may change between epochs: only judge plain variables.
            bool onlyVariables = epoch.DescendantsAndSelf().All(o => o is ILocalReferenceOperation or IParameterReferenceOperation or IBinaryOperation or ILiteralOperation or IConversionOperation or IParenthesizedOperation or IUnaryOperation);
            if (variables.Count == 0 || !onlyVariables) return;
            if (variables.Any(v => loops.Any(loop => ChangesIn(loop, v!)))) return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (CMP002EpochNeverSetAnalyzer.EpochVariable(loops[loops.Count - 1]) is { } variable) properties = properties.Add(LoopVariableProperty, variable.Name);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CMP004EpochArgumentConstant, call.Invocation.Syntax.GetLocation(), properties, call.Epoch.Syntax.ToString()));
    }

    /// <summary>Whether the loop declares the variable or writes it anywhere in its body, condition or increments.</summary>
    static bool ChangesIn(ILoopOperation loop, ISymbol variable)
    {
        if (loop.Locals.Contains(variable, SymbolEqualityComparer.Default)) return true;
        foreach (var operation in loop.DescendantsAndSelf())
        {
            var target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation step => step.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byRef => byRef.Value,
                _ => null,
            };
            if (target is not null && SymbolEqualityComparer.Default.Equals(target.ReferencedSymbol(), variable)) return true;
        }
        return false;
    }
}
