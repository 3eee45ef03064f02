using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP004: passes the epoch loop's variable instead of the value that never changes. Offers nothing when
/// the outermost loop has no single integer variable (a while loop, say): which value is the epoch is then a guess.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP004EpochArgumentConstantFixer)), Shared]
public sealed class CMP004EpochArgumentConstantFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP004EpochArgumentConstant.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(CMP004EpochArgumentConstantAnalyzer.LoopVariableProperty, out var variable) || variable is null) return;
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var invocation = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null || root is null || invocation.ArgumentList.Arguments.Count is not (1 or 2)) return;
        var epoch = invocation.ArgumentList.Arguments.Last().Expression; // SetEpoch(epoch) or Epochs.SetEpoch(loader, epoch)

        string title = $"Pass the loop variable '{variable}'";
        context.RegisterCodeFix(CodeAction.Create(title,
            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(epoch, SyntaxFactory.IdentifierName(variable).WithTriviaFrom(epoch)))),
            equivalenceKey: nameof(CMP004EpochArgumentConstantFixer)), diagnostic);
    }
}
