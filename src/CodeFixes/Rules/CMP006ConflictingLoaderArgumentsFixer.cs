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
/// CMP006: removes the conflicting argument (<c>batchSize</c>, <c>shuffle</c>, <c>sampler</c> or <c>dropLast</c>).
/// Offers nothing for a positional argument: removing it would shift the ones after it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP006ConflictingLoaderArgumentsFixer)), Shared]
public sealed class CMP006ConflictingLoaderArgumentsFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP006ConflictingLoaderArguments.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CMP006ConflictingLoaderArgumentsAnalyzer.ArgumentProperty, out var name) || name is null) continue;
            var creation = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
            var argument = creation?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
            if (argument is null) continue;

            string title = $"Remove '{name}'";
            context.RegisterCodeFix(CodeAction.Create(title, async ct =>
            {
                var editor = await DocumentEditor.CreateAsync(context.Document, ct).ConfigureAwait(false);
                editor.RemoveNode(argument);
                return editor.GetChangedDocument();
            }, equivalenceKey: title), diagnostic);
        }
    }
}
