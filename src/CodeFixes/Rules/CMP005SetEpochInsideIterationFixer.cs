using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP005: moves the epoch statement out of the batch loop to just before it. Offers nothing when the
/// call is nested deeper than a statement of the loop's body (inside an if, say): moving it would change what it means.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP005SetEpochInsideIterationFixer)), Shared]
public sealed class CMP005SetEpochInsideIterationFixer : CodeFixProvider
{
    const string Title = "Move the epoch call before the loop";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP005SetEpochInsideIteration.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(CMP005SetEpochInsideIterationAnalyzer.LoaderProperty, out var loader) || loader is null) return;
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node?.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement) return;
        if (Statements.IterationOf(statement, loader) is not { } iteration) return;
        bool directlyInLoop = statement.Parent == iteration || (statement.Parent is BlockSyntax block && block.Parent == iteration);
        if (!directlyInLoop) return;

        context.RegisterCodeFix(CodeAction.Create(Title, async ct =>
        {
            var editor = await DocumentEditor.CreateAsync(context.Document, ct).ConfigureAwait(false);
            if (statement.Parent == iteration)
            {
                // foreach (var b in loader) loader.SetEpoch(e);  →  loader.SetEpoch(e); foreach (var b in loader) { }
                editor.ReplaceNode(statement, Microsoft.CodeAnalysis.CSharp.SyntaxFactory.Block());
            }
            else editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            Statements.InsertBefore(editor, iteration, statement.WithoutTrivia()
                .WithLeadingTrivia(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ElasticMarker));
            return editor.GetChangedDocument();
        }, equivalenceKey: Title), diagnostic);
    }
}
