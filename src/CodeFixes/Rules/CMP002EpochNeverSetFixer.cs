using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP002: inserts <c>Epochs.SetEpoch(loader, epoch);</c> into the epoch loop's pass, before the statement that
/// iterates the loader (or calls the local function that does). The epoch is the loop's variable or counter; a loop
/// without one (<c>while (!converged)</c>) gets a counter, <c>var epoch = 0;</c> before it and <c>epoch++</c> in the call.
/// Offers nothing when the loader or the epoch is not in scope there.
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
        if (!diagnostic.Properties.TryGetValue(Properties.Loader, out var loader) || loader is null || diagnostic.AdditionalLocations.Count < 2) return;
        diagnostic.Properties.TryGetValue(Properties.Epoch, out var epoch);
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        if (Statements.StatementAt(root, diagnostic.AdditionalLocations[0]) is not { } anchor || Statements.StatementAt(root, diagnostic.AdditionalLocations[1]) is not { } loop) return;
        if (!Statements.BindsAt(model, anchor.SpanStart, loader) || epoch is not null && !Statements.BindsAt(model, anchor.SpanStart, epoch)) return;

        context.RegisterCodeFix(CodeAction.Create(Title, async ct =>
        {
            var editor = await DocumentEditor.CreateAsync(context.Document, ct).ConfigureAwait(false);
            var counter = epoch is null ? Statements.CounterName(editor.SemanticModel, loop.SpanStart, loop) : null;
            ExpressionSyntax value = counter is null
                ? SyntaxFactory.IdentifierName(epoch!)
                : SyntaxFactory.PostfixUnaryExpression(SyntaxKind.PostIncrementExpression, SyntaxFactory.IdentifierName(counter));
            if (Statements.EpochsSetEpoch(editor, loader, value, anchor.SpanStart) is not { } call) return context.Document;
            Statements.InsertBefore(editor, anchor, call);
            if (counter is not null) Statements.InsertBefore(editor, loop, Statements.CounterDeclaration(counter));
            return editor.GetChangedDocument();
        }, equivalenceKey: Title), diagnostic);
    }
}
