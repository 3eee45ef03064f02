using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Composer.Analyzers.CodeFixes;

/// <summary>
/// Conditional compilation (<c>#if</c> … <c>#endif</c>) around a fix. A fix is offered only when each of its edits stays
/// in the branch its finding is in and takes no directive with it: a setter inserted above an <c>#endif</c> runs in one
/// build only, a counter declared in an <c>#else</c> is missing from the other, and an argument removed with its trivia
/// takes half of an <c>#if</c> with it.
/// </summary>
internal static class ConditionalCode
{
    /// <summary>
    /// Whether the fix <paramref name="fix"/> of the finding at <paramref name="finding"/> may be offered: it is applied
    /// and its edits checked only where the member around the finding holds conditional compilation.
    /// </summary>
    public static async Task<bool> AllowsAsync(Document document, TextSpan finding, Func<Task<Document>> fix, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return false;
        if (!Around(root, finding)) return true;
        // The using a fix adds (Simplifier.AddImportsAnnotation) is written only when its code action is applied: add it here too.
        var changed = await ImportAdder.AddImportsAsync(await fix().ConfigureAwait(false), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await KeptAsync(document, changed, finding, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the member around <paramref name="span"/> (a method, property, field or top-level statement) holds any, or
    /// the file's <c>using</c> directives do: a <c>using Composer.Data;</c> the fix adds goes among them, and must not go
    /// into one branch only.
    /// </summary>
    private static bool Around(SyntaxNode root, TextSpan span)
    {
        var member = root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax) ?? root;
        if (member.ContainsDirectives && member.DescendantTrivia(member.Span).Any(IsConditional)) return true;
        return root is CompilationUnitSyntax { Usings.Count: > 0 } unit && unit.ContainsDirectives &&
               unit.DescendantTrivia(TextSpan.FromBounds(0, unit.Usings.Last().FullSpan.End)).Any(IsConditional);
    }

    /// <summary>Whether every edit from <paramref name="original"/> to <paramref name="changed"/> stays in the branch of <paramref name="finding"/> and neither spans nor touches a directive.</summary>
    private static async Task<bool> KeptAsync(Document original, Document changed, TextSpan finding, CancellationToken cancellationToken)
    {
        var root = await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return false;
        var directives = root.DescendantTrivia().Where(IsConditional).ToList();
        int branch = BranchAt(directives, finding.Start);
        foreach (var change in await changed.GetTextChangesAsync(original, cancellationToken).ConfigureAwait(false))
            if (directives.Any(d => change.Span.IntersectsWith(d.Span)) ||
                BranchAt(directives, change.Span.Start) != branch || BranchAt(directives, change.Span.End) != branch)
                return false;
        return true;
    }

    /// <summary>Where the innermost branch holding <paramref name="position"/> starts (its <c>#if</c>, <c>#elif</c> or <c>#else</c>), or -1 outside every one.</summary>
    private static int BranchAt(List<SyntaxTrivia> directives, int position)
    {
        var open = new Stack<int>();
        foreach (var directive in directives)
        {
            if (directive.SpanStart >= position) break;
            switch (directive.Kind())
            {
                case SyntaxKind.IfDirectiveTrivia: open.Push(directive.SpanStart); break;
                case SyntaxKind.ElifDirectiveTrivia or SyntaxKind.ElseDirectiveTrivia when open.Count > 0: open.Pop(); open.Push(directive.SpanStart); break;
                case SyntaxKind.EndIfDirectiveTrivia when open.Count > 0: open.Pop(); break;
            }
        }
        return open.Count > 0 ? open.Peek() : -1;
    }

    private static bool IsConditional(SyntaxTrivia trivia) => trivia.Kind() is
        SyntaxKind.IfDirectiveTrivia or SyntaxKind.ElifDirectiveTrivia or SyntaxKind.ElseDirectiveTrivia or SyntaxKind.EndIfDirectiveTrivia or SyntaxKind.DisabledTextTrivia;
}
