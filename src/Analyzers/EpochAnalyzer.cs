using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Composer.Analyzers;

/// <summary>
/// The one analyzer behind CMP001–CMP006: concurrent, no generated files, nothing registered when the compilation
/// references neither Composer.Runtime nor TorchSharp, and one callback per file that builds the file's epoch model
/// (<see cref="TreeModel"/>) and reports every rule's findings from it. One analyzer rather than one per rule, so
/// that a file with no training loop costs one cheap look, not six.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EpochAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.CMP001SetEpochOnSamplerOnly,
        Descriptors.CMP002EpochNeverSet,
        Descriptors.CMP002EpochSetOnSomeRanks,
        Descriptors.CMP003FixedSeedShuffle,
        Descriptors.CMP004EpochArgumentConstant,
        Descriptors.CMP005SetEpochInsideIteration,
        Descriptors.CMP006ConflictingLoaderArguments);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated files are skipped below, by the file-level test the driver has already made. Leaving the choice to
        // the driver (GeneratedCodeAnalysisFlags.None) costs a walk over every token of each file we report in, to look
        // for [GeneratedCode] attributes: a sixth of the analyzer's time on code full of training loops.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownTypes.Create(start.Compilation) is not { } types) return;
            start.RegisterSemanticModelAction(c =>
            {
                if (c.IsGeneratedCode) return;
                foreach (var finding in TreeModel.Findings(c.SemanticModel, types, AnalyzerSettings.For(c.Options, c.SemanticModel.SyntaxTree), c.CancellationToken))
                    c.ReportDiagnostic(finding);
            });
        });
    }
}
