using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>CMP003: TorchSharp's DataLoader created with <c>shuffle: true</c> and a constant <c>seed</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMP003FixedSeedShuffleAnalyzer : EpochRuleAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.CMP003FixedSeedShuffle);

    private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types)
    {
        if (types.TorchDataLoaderOfT is null) return;
        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.ObjectCreation);
    }

    static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!types.IsTorchDataLoader(creation.Type)) return;
        if (!LoaderCreation.IsConstant(LoaderCreation.Argument(creation, "shuffle"), true)) return;
        if (LoaderCreation.Argument(creation, "seed")?.Value.WalkDown().ConstantValue is not { HasValue: true, Value: int seed }) return;

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CMP003FixedSeedShuffle, creation.Syntax.GetLocation(), NameOf(creation), seed));
    }

    /// <summary>The variable the loader is stored in, or its type name.</summary>
    internal static string NameOf(IObjectCreationOperation creation)
    {
        for (var parent = creation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IVariableDeclaratorOperation declarator: return declarator.Symbol.Name;
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1: return field.InitializedFields[0].Name;
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1: return property.InitializedProperties[0].Name;
                case ISimpleAssignmentOperation assignment: return assignment.Target.Syntax.ToString();
                case IConversionOperation or IVariableInitializerOperation or IParenthesizedOperation: continue;
            }
            break;
        }
        return creation.Type?.Name ?? "DataLoader";
    }
}
