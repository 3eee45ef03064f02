using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Composer.Analyzers.CodeFixes;

/// <summary>
/// A diagnostic as the document's code reports it now. Tools that fix several rules in a row (<c>dotnet format
/// analyzers --diagnostics CMP001 CMP002 …</c>) hand a fix the diagnostics of the code as it was before their last
/// fix, whose locations may have moved; the fixes edit where the current diagnostic points.
/// </summary>
internal static class CurrentDiagnostic
{
    static readonly ConditionalWeakTable<SemanticModel, Task<ImmutableArray<Diagnostic>>> Findings = new();

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

    static bool SameProperties(Diagnostic a, Diagnostic b) =>
        a.Properties.Count == b.Properties.Count && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var v) && v == p.Value);
}
