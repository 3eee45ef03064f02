using System.Collections.Immutable;
using System.Composition;
using System.Runtime.CompilerServices;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP006: removes the conflicting argument from the loader's construction, named or positional; positional
/// arguments after a removed one are named, so they keep their meaning.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP006ConflictingLoaderArgumentsFixer)), Shared]
public sealed class CMP006ConflictingLoaderArgumentsFixer : EditorFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP006ConflictingLoaderArguments.Id);

    /// <inheritdoc />
    /// <remarks>One key for every argument, so that Fix All removes them all.</remarks>
    protected override string EquivalenceKey => "Remove the conflicting argument";

    /// <inheritdoc />
    protected override string TitleOf(Diagnostic diagnostic) => $"Remove '{diagnostic.Properties[Properties.Argument]}'";

    /// <inheritdoc />
    protected override async Task<Action<DocumentEditor>?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(Properties.Argument, out var name) || name is null) return null;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var creation = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        if (creation?.ArgumentList is not { } list || model?.GetOperation(creation, cancellationToken) is not IObjectCreationOperation operation) return null;
        if (!operation.Arguments.Any(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name == name && a.Syntax is ArgumentSyntax)) return null;

        return editor =>
        {
            // Fix All removes every conflict of a creation in one rewrite of its arguments, made when the editor applies its edits.
            var removals = Removals.GetOrCreateValue(editor);
            if (!removals.TryGetValue(list, out var names))
            {
                removals[list] = names = [];
                // Nothing is laid out anew: the arguments that stay keep their columns and comments.
                editor.ReplaceNode(list, (_, _) => Without(list, operation, names));
            }
            names.Add(name);
        };
    }

    /// <summary>The parameters whose arguments an editor's fixes remove, per argument list.</summary>
    private static readonly ConditionalWeakTable<DocumentEditor, Dictionary<ArgumentListSyntax, HashSet<string>>> Removals = new();

    /// <summary><paramref name="list"/> without the arguments of <paramref name="names"/>; the positional arguments after the first removed one are named.</summary>
    private static ArgumentListSyntax Without(ArgumentListSyntax list, IObjectCreationOperation operation, HashSet<string> names)
    {
        var kept = new List<(ArgumentSyntax, int)>();
        bool nameTheRest = false;
        for (int i = 0; i < list.Arguments.Count; i++)
        {
            var a = list.Arguments[i];
            var parameter = operation.Arguments.FirstOrDefault(o => o.Syntax == a)?.Parameter;
            // The arguments after it lose their places (a named one may stand in its own place too): name them.
            if (parameter is not null && names.Contains(parameter.Name)) { nameTheRest = true; continue; }
            kept.Add((nameTheRest && a.NameColon is null && parameter is not null ? Statements.Named(a, parameter.Name) : a, i));
        }
        return Statements.WithArguments(list, kept);
    }
}
