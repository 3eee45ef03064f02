using System.Collections.Immutable;
using System.Composition;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP005: moves the epoch statement out of the iteration, to just before it (the <c>foreach</c>, or the statement that
/// gets the enumerator). An <c>if</c> that only guards the call (<c>if (step == 0) loader.SetEpoch(epoch);</c>) goes
/// with it. Offers nothing when the statement uses variables of the iteration or the call is part of a larger statement.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP005SetEpochInsideIterationFixer)), Shared]
public sealed class CMP005SetEpochInsideIterationFixer : EditorFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Analyzers.Descriptors.CMP005SetEpochInsideIteration.Id);

    /// <inheritdoc />
    protected override string EquivalenceKey => "Set the epoch before iterating";

    /// <inheritdoc />
    protected override async Task<Action<DocumentEditor>?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || diagnostic.AdditionalLocations.Count < 1) return null;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation) return null;
        if (Statements.Outermost(invocation).Parent is not ExpressionStatementSyntax statement) return null;
        if (Statements.StatementAt(root, diagnostic.AdditionalLocations[0]) is not { } iteration) return null;

        // The call, with the type test that declares its receiver (if (loader.BatchSampler is IEpochAware b) b.SetEpoch(e)).
        StatementSyntax unit = Statements.PatternIf(statement, invocation) ?? (StatementSyntax)statement;
        if (!Statements.MeansTheSameAt(model, unit, iteration.SpanStart, cancellationToken)) return null;
        // A guard that means the same before the iteration moves with it (if (epoch > 0) …); one that reads the
        // iteration's own state (if (step == 0) …) only made the call happen once, and goes.
        var guard = GuardingIf(unit);
        bool guardMoves = guard is not null && Statements.MeansTheSameAt(model, guard.Condition, iteration.SpanStart, cancellationToken);

        return editor =>
        {
            // With Fix All, the other statements of the guard's block may have moved out already: then it guards this
            // call alone, as it does when the fixes are made one at a time, and is handled the same way.
            var gone = Moved.GetOrCreateValue(editor);
            var alone = (guard?.Statement is BlockSyntax block ? block.Statements.All(s => s == unit || gone.Contains(s)) : guard?.Statement == unit) ? guard : null;
            gone.Add(unit);
            var removed = alone ?? unit;
            StatementSyntax moved = alone is null ? unit
                : !guardMoves ? Statements.WithCommentsOf(unit, alone, unit, unit) // a guard that goes leaves its comments to the call
                : alone.Statement is BlockSyntax body ? alone.WithStatement(body.WithStatements(SyntaxFactory.SingletonList(unit))) : alone;
            if (removed.Parent is BlockSyntax or SwitchSectionSyntax) editor.RemoveNode(removed, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            else editor.ReplaceNode(removed, SyntaxFactory.Block().WithTriviaFrom(removed));
            Statements.InsertBefore(editor, iteration, moved);
        };
    }

    /// <summary>The statements an editor's fixes moved out of their iteration.</summary>
    private static readonly ConditionalWeakTable<DocumentEditor, HashSet<StatementSyntax>> Moved = new();

    /// <summary>An <c>if</c> without else whose statement is <paramref name="statement"/>, or a block holding it, and whose condition has no side effects.</summary>
    private static IfStatementSyntax? GuardingIf(StatementSyntax statement)
    {
        StatementSyntax current = statement;
        if (current.Parent is BlockSyntax block) current = block;
        return current.Parent is IfStatementSyntax { Else: null } ifStatement && ifStatement.Statement == current &&
               !Statements.HasSideEffects(ifStatement.Condition)
            ? ifStatement
            : null;
    }
}
