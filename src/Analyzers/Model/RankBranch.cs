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

    /// <summary>Whether every rank takes one of the arms: not past an <c>if</c> without <c>else</c>, or a <c>switch</c> without <c>default</c>.</summary>
    public bool Exhaustive => Chooser switch
    {
        IConditionalOperation conditional => conditional.WhenFalse is not null || Branch != conditional.WhenTrue,
        ISwitchOperation @switch => @switch.Cases.Any(c => c.Clauses.Any(clause => clause.CaseKind == CaseKind.Default)),
        _ => false,
    };

    /// <summary>What lets the ranks through, as the message names it: the condition, the guard, or the case's labels.</summary>
    public string Condition => Chooser switch
    {
        IConditionalOperation conditional when Branch == conditional.WhenTrue || Branch == conditional.WhenFalse => conditional.Condition.Syntax.ToString(),
        ISwitchOperation when Branch.Syntax is SwitchSectionSyntax section => section.Labels.ToString().Trim().TrimEnd(':'),
        _ => Chooser.Syntax.ToString(),
    };
}
