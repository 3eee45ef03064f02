using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace Composer.Analyzers.CodeFixes;

/// <summary>
/// Fix All for fixes that may share an edit: every diagnostic of a document is fixed through one
/// <see cref="DocumentEditor"/>, so that two setters of one pass that need a new epoch counter get one counter (the
/// batch fixer merges text changes and drops a fix whose change overlaps another's, leaving it for a second run).
/// </summary>
internal static class OneEditorFixAll
{
    /// <summary>Plans one diagnostic's fix against the document as it is: the edit to make, or null when none is offered.</summary>
    public delegate Task<Action<DocumentEditor>?> Plan(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    public static FixAllProvider Create(Plan plan) => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var edits = new List<Action<DocumentEditor>>();
        foreach (var reported in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            if (await CurrentDiagnostic.FindAsync(document, reported, context.CancellationToken).ConfigureAwait(false) is { } diagnostic &&
                await plan(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } edit)
                edits.Add(edit);
        return edits.Count == 0 ? document : await ApplyAsync(document, edits, context.CancellationToken).ConfigureAwait(false);
    });

    /// <summary>The document with <paramref name="edits"/> made, in order, through one editor.</summary>
    public static async Task<Document> ApplyAsync(Document document, IEnumerable<Action<DocumentEditor>> edits, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var edit in edits) edit(editor);
        return editor.GetChangedDocument();
    }
}
