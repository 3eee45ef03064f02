using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Composer.Analyzers.CodeFixes;

/// <summary>
/// A diagnostic as the document's code reports it now. Tools that fix several rules in a row (<c>dotnet format
/// analyzers --diagnostics CMP001 CMP002 …</c>) hand a fix the diagnostics of the code as it was before their last
/// fix, whose locations may have moved; the fixes edit where the current diagnostic points.
/// </summary>
internal static class CurrentDiagnostic
{
    private static readonly ConditionalWeakTable<SemanticModel, Task<ImmutableArray<Diagnostic>>> Findings = new();

    /// <summary>
    /// The diagnostic of <paramref name="context"/> as the code reports it now (see <see cref="FindAsync"/>), or null.
    /// <c>dotnet format analyzers</c> learns a fix's equivalence key from the first diagnostic of the whole analyzer,
    /// whichever rule reported it: for another rule's diagnostic this registers an action that changes nothing, with
    /// <paramref name="equivalenceKey"/>, and returns null. (Fix All itself only ever hands a fixer its own rule's diagnostics.)
    /// </summary>
    public static async Task<Diagnostic?> OfAsync(CodeFixContext context, CodeFixProvider fixer, string equivalenceKey)
    {
        var reported = context.Diagnostics[0];
        if (!fixer.FixableDiagnosticIds.Contains(reported.Id))
        {
            context.RegisterCodeFix(CodeAction.Create(equivalenceKey, _ => Task.FromResult(context.Document), equivalenceKey), reported);
            return null;
        }
        return await FindAsync(context.Document, reported, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="diagnostic"/> itself when the code still reports it there; otherwise the same rule's finding with
    /// the same properties nearest to where it was; null when the code no longer has it.
    /// </summary>
    public static async Task<Diagnostic?> FindAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || KnownTypes.Create(model.Compilation) is not { } types) return null;
        var findings = await Findings.GetValue(model, m => Task.Run(() =>
            TreeModel.Findings(m, types, AnalyzerSettings.For(document.Project.AnalyzerOptions, m.SyntaxTree), CancellationToken.None))).ConfigureAwait(false);
        var same = findings.Where(d => d.Id == diagnostic.Id && SameProperties(d, diagnostic)).ToList();
        return same.FirstOrDefault(d => d.Location.SourceSpan == diagnostic.Location.SourceSpan)
            ?? same.OrderBy(d => Math.Abs(d.Location.SourceSpan.Start - diagnostic.Location.SourceSpan.Start)).FirstOrDefault();
    }

    private static bool SameProperties(Diagnostic a, Diagnostic b) =>
        a.Properties.Count == b.Properties.Count && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var v) && v == p.Value);
}
