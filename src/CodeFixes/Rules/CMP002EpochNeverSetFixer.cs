using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP002: inserts <c>Epochs.SetEpoch(loader, epoch);</c> before the loop that iterates the loader (or the statement
/// that gets its enumerator), with
/// the epoch loop's variable. Offers nothing when the epoch loop has no single integer variable.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP002EpochNeverSetFixer)), Shared]
public sealed class CMP002EpochNeverSetFixer : CodeFixProvider
{
    const string Title = "Set the loader's epoch before iterating it";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP002EpochNeverSet.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(CMP002EpochNeverSetAnalyzer.LoaderProperty, out var loader) || loader is null) return;
        if (!diagnostic.Properties.TryGetValue(CMP002EpochNeverSetAnalyzer.EpochVariableProperty, out var epoch) || epoch is null) return;
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        // The foreach, or the statement that gets the enumerator.
        if (node?.FirstAncestorOrSelf<StatementSyntax>() is not { } iteration) return;

        context.RegisterCodeFix(CodeAction.Create(Title, async ct =>
        {
            var editor = await DocumentEditor.CreateAsync(context.Document, ct).ConfigureAwait(false);
            if (Statements.EpochsSetEpoch(editor, loader, SyntaxFactory.IdentifierName(epoch), iteration.SpanStart) is not { } call) return context.Document;
            Statements.InsertBefore(editor, iteration, call);
            return editor.GetChangedDocument();
        }, equivalenceKey: Title), diagnostic);
    }
}
