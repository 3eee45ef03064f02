using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace Composer.Analyzers.CodeFixes;

/// <summary>
/// A code fix planned against the document as it is and made through a <see cref="DocumentEditor"/>. Fix All makes
/// the edits of every diagnostic of a document through one editor, so that fixes that share an edit make it once
/// (two setters of one pass get one new epoch counter; the conflicting arguments of one creation go in one rewrite):
/// the batch fixer merges text changes instead, and drops a fix whose change overlaps another's.
/// </summary>
public abstract class EditorFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix's actions, which Fix All groups them by; also their title, unless <see cref="TitleOf"/> says otherwise.</summary>
    protected abstract string EquivalenceKey { get; }

    /// <summary>The title of the action that fixes <paramref name="diagnostic"/>.</summary>
    protected virtual string TitleOf(Diagnostic diagnostic) => EquivalenceKey;

    /// <summary>The edit that fixes <paramref name="diagnostic"/> (as the document reports it now), or null when none is offered.</summary>
    protected abstract Task<Action<DocumentEditor>?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var edits = new List<Action<DocumentEditor>>();
        foreach (var reported in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            if (await CurrentDiagnostic.FindAsync(document, reported, context.CancellationToken).ConfigureAwait(false) is { } diagnostic &&
                await OfferedPlanAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } edit)
                edits.Add(edit);
        return edits.Count == 0 ? document : await ApplyAsync(document, edits, context.CancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var reported = context.Diagnostics[0];
        if (await CurrentDiagnostic.OfAsync(context, this, EquivalenceKey).ConfigureAwait(false) is not { } diagnostic) return;
        if (await OfferedPlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } edit) return;
        context.RegisterCodeFix(CodeAction.Create(TitleOf(diagnostic), ct => ApplyAsync(context.Document, [edit], ct), EquivalenceKey), reported);
    }

    /// <summary>The plan for <paramref name="diagnostic"/>, when there is one and conditional compilation around it allows it.</summary>
    private async Task<Action<DocumentEditor>?> OfferedPlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } edit) return null;
        return await ConditionalCode.AllowsAsync(document, diagnostic.Location.SourceSpan, () => ApplyAsync(document, [edit], cancellationToken), cancellationToken).ConfigureAwait(false) ? edit : null;
    }

    private static async Task<Document> ApplyAsync(Document document, IEnumerable<Action<DocumentEditor>> edits, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var edit in edits) edit(editor);
        return await LineEndings.KeepAsync(document, editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }
}
