using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>
/// Where a rank condition (<see cref="Ranks"/>) limits a site: <see cref="Branch"/> is the arm that holds it and
/// <see cref="Chooser"/> what chose that arm: an <c>if</c> or <c>?:</c>, a <c>switch</c> on the rank whose case it is, or
/// a guard before it in its block that sends the other ranks away (<c>if (!isMain) continue;</c>).
/// </summary>
internal readonly struct RankBranch(IOperation chooser, IOperation branch)
{
    public IOperation Chooser { get; } = chooser;

    public IOperation Branch { get; } = branch;

    /// <summary>The arms the other ranks take instead: the other branch, the other cases, or a guard's exit arm.</summary>
    public ImmutableArray<IOperation> Others => OthersOf(Chooser, Branch);

    private static ImmutableArray<IOperation> OthersOf(IOperation chooser, IOperation branch) => chooser switch
    {
        IConditionalOperation { WhenFalse: { } whenFalse } conditional when branch == conditional.WhenTrue => ImmutableArray.Create(whenFalse),
        IConditionalOperation { WhenFalse: null } conditional when branch == conditional.WhenTrue => ImmutableArray<IOperation>.Empty,
        IConditionalOperation conditional => ImmutableArray.Create(conditional.WhenTrue),
        ISwitchOperation @switch => @switch.Cases.Where(c => c != branch).ToImmutableArray<IOperation>(),
        _ => ImmutableArray<IOperation>.Empty,
    };

    /// <summary>
    /// Whether every rank takes one of the arms: not past an <c>if</c> without <c>else</c>, or a <c>switch</c> without
    /// <c>default:</c> or a case that takes any value (<c>case var worker:</c>, <c>case _:</c>).
    /// </summary>
    public bool Exhaustive => Chooser switch
    {
        IConditionalOperation conditional => conditional.WhenFalse is not null || Branch != conditional.WhenTrue,
        ISwitchOperation @switch => @switch.Cases.Any(c => c.Clauses.Any(TakesAnyValue)),
        _ => false,
    };

    private static bool TakesAnyValue(ICaseClauseOperation clause) => clause switch
    {
        { CaseKind: CaseKind.Default } => true,
        IPatternCaseClauseOperation { Guard: null, Pattern: IDiscardPatternOperation or IDeclarationPatternOperation { MatchesNull: true } } => true,
        _ => false,
    };

    /// <summary>What lets the ranks through, as the message names it: the condition, the guard, or the case's labels (<c>case 0, case 1</c>).</summary>
    public string Condition => Chooser switch
    {
        IConditionalOperation conditional when Branch == conditional.WhenTrue || Branch == conditional.WhenFalse => conditional.Condition.Syntax.ToString(),
        ISwitchOperation when Branch.Syntax is SwitchSectionSyntax section => string.Join(", ", section.Labels.Select(label => label.ToString().Trim().TrimEnd(':'))),
        _ => Chooser.Syntax.ToString(),
    };

    /// <summary>
    /// Whether a <c>switch</c>'s cases are arms that ranks take apart: not when one jumps to another (<c>goto case 0;</c>,
    /// <c>goto default;</c>), which this reading does not follow.
    /// </summary>
    public static bool HasSeparateCases(ISwitchOperation @switch) =>
        !@switch.Cases.Any(c => c.Body.Any(statement => statement.DescendantsAndSelf().Any(o => o is IBranchOperation { BranchKind: BranchKind.GoTo, Syntax: GotoStatementSyntax { CaseOrDefaultKeyword.RawKind: not 0 } })));
}
