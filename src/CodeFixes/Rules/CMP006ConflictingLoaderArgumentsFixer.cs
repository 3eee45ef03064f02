using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP006: removes the conflicting argument from the loader's construction, named or positional; positional
/// arguments after a removed one are named, so they keep their meaning.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP006ConflictingLoaderArgumentsFixer)), Shared]
public sealed class CMP006ConflictingLoaderArgumentsFixer : CodeFixProvider
{
    // One key for every argument, so that Fix All removes them all.
    private const string EquivalenceKey = "Remove the conflicting argument";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP006ConflictingLoaderArguments.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var reported = context.Diagnostics[0];
        if (await CurrentDiagnostic.OfAsync(context, this, EquivalenceKey).ConfigureAwait(false) is not { } diagnostic) return;
        if (!diagnostic.Properties.TryGetValue(Properties.Argument, out var name) || name is null) return;
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var creation = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        if (creation?.ArgumentList is not { } list || model?.GetOperation(creation, context.CancellationToken) is not IObjectCreationOperation operation) return;
        if (operation.Arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name == name)?.Syntax is not ArgumentSyntax argument) return;

        string title = $"Remove '{name}'";
        context.RegisterCodeFix(CodeAction.Create(title, async ct =>
        {
            var editor = await DocumentEditor.CreateAsync(context.Document, ct).ConfigureAwait(false);
            var kept = new List<ArgumentSyntax>();
            bool nameTheRest = false;
            foreach (var a in list.Arguments)
            {
                // The arguments after it lose their places (a named one may stand in its own place too): name them.
                if (a == argument) { nameTheRest = true; continue; }
                var parameter = operation.Arguments.FirstOrDefault(o => o.Syntax == a)?.Parameter;
                kept.Add(nameTheRest && a.NameColon is null && parameter is not null
                    ? a.WithNameColon(SyntaxFactory.NameColon(parameter.Name)).WithTriviaFrom(a)
                    : a);
            }
            editor.ReplaceNode(list, list.WithArguments(SyntaxFactory.SeparatedList(kept)).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation));
            return editor.GetChangedDocument();
        }, equivalenceKey: EquivalenceKey), reported);
    }
}
