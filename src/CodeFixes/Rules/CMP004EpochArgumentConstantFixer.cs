using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP004: replaces the epoch argument with the epoch loop's variable or counter. A <c>while</c> loop without one
/// becomes <c>for (var epoch = 0; condition; epoch++)</c>; another loop without one gets <c>var epoch = 0;</c> before
/// it and <c>epoch++</c> as the argument, when the call runs once per pass, directly in the loop's body. When the setter is given a parameter of the local function or stored lambda it is in, the argument
/// of that function's one call in the loop is replaced instead. Offers nothing when the epoch is not in scope at the call
/// (a new counter outside the loop).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP004EpochArgumentConstantFixer)), Shared]
public sealed class CMP004EpochArgumentConstantFixer : EditorFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP004EpochArgumentConstant.Id);

    /// <inheritdoc />
    protected override string EquivalenceKey => "Use the epoch loop's variable";

    /// <inheritdoc />
    protected override async Task<Action<DocumentEditor>?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        diagnostic.Properties.TryGetValue(Properties.Epoch, out var epoch);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || diagnostic.AdditionalLocations.Count < 1) return null;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation) return null;
        // A second location: the argument to change, as the rule read it (the setter's epoch argument, or, when the
        // setter is handed a local function's parameter, its call's argument for it or argument list).
        diagnostic.Properties.TryGetValue(Properties.Parameter, out var parameter);
        var atCall = diagnostic.AdditionalLocations.Count > 1 ? root.FindNode(diagnostic.AdditionalLocations[1].SourceSpan) : null;
        var argument = atCall is null ? EpochArgument(invocation) : parameter is null ? atCall.FirstAncestorOrSelf<ArgumentSyntax>() : null;
        var argumentList = parameter is null ? null : atCall as ArgumentListSyntax;
        if (((SyntaxNode?)argument ?? argumentList)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call) return null;
        if (Statements.StatementAt(root, diagnostic.AdditionalLocations[0]) is not { } loop) return null;
        if (epoch is not null && !Statements.BindsAt(model, call.SpanStart, epoch)) return null;
        // A new counter is in scope in the loop only: not in a local function declared after it.
        if (epoch is null && !loop.Contains(call)) return null;
        // A new counter advanced at each call is only right when the call runs once per pass.
        if (epoch is null && !Statements.CountsEveryPass(loop) && call.Ancestors().FirstOrDefault(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) != loop) return null;

        return editor =>
        {
            var (value, counter) = Statements.EpochValue(editor, epoch, loop);
            value = Statements.SharedValue(editor, loop, call, value);
            if (argumentList is not null)
                editor.ReplaceNode(argumentList, argumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.NameColon(parameter!), default, value)));
            else
            {
                // Inside a cast the value keeps it: checked((int)start) becomes checked((int)epoch) for a long epoch.
                var replaced = Slot(argument!.Expression);
                if (replaced != argument.Expression && value is CastExpressionSyntax cast) value = cast.Expression; // the argument's own cast stays
                editor.ReplaceNode(replaced, value.WithTriviaFrom(replaced));
            }
            if (value is PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax advanced }) Statements.AdvanceOnce(editor, loop, advanced.Identifier.ValueText);
            Statements.DeclareCounter(editor, loop, counter);
        };
    }

    /// <summary>Where the epoch goes in an argument: under its casts, <c>checked</c> and parentheses.</summary>
    private static ExpressionSyntax Slot(ExpressionSyntax expression) => expression switch
    {
        CastExpressionSyntax cast => Slot(cast.Expression),
        CheckedExpressionSyntax @checked => Slot(@checked.Expression),
        ParenthesizedExpressionSyntax parenthesized => Slot(parenthesized.Expression),
        _ => expression,
    };

    /// <summary>The epoch argument: named <c>epoch</c>, else the last one (<c>x.SetEpoch(e)</c>, <c>Epochs.SetEpoch(loader, e)</c>).</summary>
    private static ArgumentSyntax? EpochArgument(InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "epoch") ??
        invocation.ArgumentList.Arguments.LastOrDefault(a => a.NameColon is null);
}
