using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP001: replaces the sampler-only epoch call with <c>Epochs.SetEpoch(loader, epoch)</c> (<c>loader.SetEpoch(epoch)</c>
/// for an <c>EpochDataLoader</c>, the loader's own setter for a loader type of yours whose epoch method has a name from
/// <c>epoch_setters</c>). When the call is the whole body of <c>if (loader.Sampler is IEpochAware s)</c>, the
/// <c>if</c> goes too; an alias local used only by the call is removed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP001SetEpochOnSamplerOnlyFixer)), Shared]
public sealed class CMP001SetEpochOnSamplerOnlyFixer : EditorFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP001SetEpochOnSamplerOnly.Id);

    /// <inheritdoc />
    protected override string EquivalenceKey => "Set the epoch on every part of the loader";

    /// <inheritdoc />
    protected override async Task<Action<DocumentEditor>?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (!diagnostic.Properties.TryGetValue(Properties.Loader, out var loader) || loader is null) return null;
        // The loader's own setter (an EpochDataLoader's SetEpoch, a loader type of yours'), else Epochs.SetEpoch.
        diagnostic.Properties.TryGetValue(Properties.Setter, out var setter);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || setter is null && model.Compilation.GetTypeByMetadataName("Composer.Data.Epochs") is null) return null;
        if (node is MemberAccessExpressionSyntax methodGroup && !(methodGroup.Parent is InvocationExpressionSyntax called && called.Expression == methodGroup))
        {
            return CanReplaceMethodGroup(model, methodGroup, loader, setter, cancellationToken)
                ? editor => FixMethodGroup(editor, methodGroup, loader, setter, cancellationToken)
                : null;
        }
        // sampler.SetEpoch(epoch), or Epochs.SetEpoch(loader.Sampler, epoch) (the epoch second, unless named).
        if (node?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { ArgumentList.Arguments.Count: 1 or 2 } invocation || EpochArgument(invocation) is null) return null;
        if (Statements.PatternIf(Statements.Outermost(invocation).Parent as ExpressionStatementSyntax, invocation) is { } ifStatement)
        {
            // The if goes: the loader must mean the same there, and must be there whenever the test would have matched.
            if (!Statements.BindsAt(model, ifStatement.SpanStart, loader) || !KeepsTheTestsGuarantee(model, ifStatement, cancellationToken)) return null;
        }
        else if (PatternTest(invocation) is { } test)
        {
            // Under a test of the sampler's type the call goes before the test: the loader must exist there
            // (not in `if (x is EpochDataLoader loader && loader.Sampler is IEpochAware s)`).
            if (!Statements.BindsAt(model, test.SpanStart, loader) || OtherConditions(test, invocation) is null) return null;
        }
        else if (DeclaredByAPattern(model, (invocation.Expression as MemberAccessExpressionSyntax)?.Expression, cancellationToken))
        {
            // if (loader.Sampler is not IEpochAware s) return; s.SetEpoch(e): the test would still return first.
            return null;
        }
        return editor => Fix(editor, invocation, loader, setter);
    }

    /// <summary>The setter's epoch: its one argument, or the one named or second of a two-argument <c>SetEpoch</c> (<c>Epochs.SetEpoch</c>).</summary>
    private static ArgumentSyntax? EpochArgument(InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count == 1) return arguments[0];
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetEpoch" }) return null;
        return arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "epoch") ?? (arguments.Any(a => a.NameColon is not null) ? null : arguments[1]);
    }

    private static void Fix(DocumentEditor editor, InvocationExpressionSyntax invocation, string loaderText, string? setter)
    {
        var loader = SyntaxFactory.ParseExpression(loaderText);
        var epoch = EpochArgument(invocation)!.Expression.WithoutTrivia();
        var expression = Statements.Outermost(invocation);

        if (Statements.EpochsSetEpochCall(editor, loader, epoch, expression.SpanStart, setter) is not { } call) return;
        call = call.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        if (expression.Parent is ExpressionStatementSyntax statement && Statements.PatternIf(statement, invocation) is { } ifStatement)
        {
            // if (loader.Sampler is IEpochAware s) s.SetEpoch(e);  →  the whole if, with the comments of its body.
            editor.ReplaceNode(ifStatement, Statements.WithCommentsOf(SyntaxFactory.ExpressionStatement(call), ifStatement, ifStatement.Statement, statement)
                .WithAdditionalAnnotations(Formatter.Annotation));
        }
        else if (expression.Parent is ExpressionStatementSyntax guarded && PatternTest(invocation) is { } test)
        {
            // Under a test of the sampler's type (an if with more in it, a switch case): with a batch sampler the
            // sampler is a plain SequentialSampler and the branch never runs, so the call goes before the test.
            // The test's other conditions (if (L.Sampler is IEpochAware s && epoch >= warmup)) keep guarding the call.
            StatementSyntax moved = SyntaxFactory.ExpressionStatement(call);
            if (OtherConditions(test, invocation) is { Count: > 0 } others)
                moved = SyntaxFactory.IfStatement(others.Aggregate((a, b) => SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, a, b)).WithoutTrivia(), moved)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            if (test is IfStatementSyntax { Else: null } onlyIf && (onlyIf.Statement == guarded || onlyIf.Statement is BlockSyntax { Statements.Count: 1 } body && body.Statements[0] == guarded))
            {
                // if (L.Sampler is T s && epoch >= warmup) s.SetEpoch(e);  →  if (epoch >= warmup) L.SetEpoch(e); in its place.
                editor.ReplaceNode(onlyIf, moved.WithLeadingTrivia(onlyIf.GetLeadingTrivia()).WithTrailingTrivia(guarded.GetTrailingTrivia()));
                return;
            }
            Statements.InsertBefore(editor, test, moved.WithTriviaFrom(guarded)); // its comments go along
            if (guarded.Parent is BlockSyntax or SwitchSectionSyntax) editor.RemoveNode(guarded, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            else editor.ReplaceNode(guarded, SyntaxFactory.Block().WithTriviaFrom(guarded));
        }
        else if (expression.Parent is ExpressionStatementSyntax statement2)
        {
            editor.ReplaceNode(statement2, SyntaxFactory.ExpressionStatement(call).WithTriviaFrom(statement2).WithAdditionalAnnotations(Formatter.Annotation));
            RemoveUnusedAlias(editor, invocation);
        }
        else
        {
            editor.ReplaceNode(expression, call.WithTriviaFrom(expression));
        }
    }

    /// <summary>
    /// A setter handed on as a delegate (<c>hooks.Add(s.SetEpoch)</c>) becomes <c>loader.SetEpoch</c>, or
    /// <c>(int epoch) => Epochs.SetEpoch(loader, epoch)</c> where the loader has no setter of its own. Not that lambda
    /// on the right of <c>+=</c> or <c>-=</c>: a lambda cannot be taken off an event again.
    /// </summary>
    private static bool CanReplaceMethodGroup(SemanticModel model, MemberAccessExpressionSyntax methodGroup, string loader, string? setter, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(methodGroup, cancellationToken).Symbol is not IMethodSymbol { Parameters: { Length: 1 } parameters } || parameters[0].Type.SpecialType != SpecialType.System_Int32) return false;
        int position = methodGroup.SpanStart;
        if (DeclaredByAPattern(model, methodGroup.Expression, cancellationToken))
        {
            // if (loader.Sampler is DistributedSampler d) hooks.Add(d.SetEpoch): the test fails for the loaders the rule
            // is about, so the whole if goes; under any other test the new delegate would never be handed on.
            if (PatternIfOf(methodGroup) is not { } ifStatement || !KeepsTheTestsGuarantee(model, ifStatement, cancellationToken)) return false;
            position = ifStatement.SpanStart;
        }
        if (!Statements.BindsAt(model, position, loader)) return false;
        return setter is not null || Unparenthesized(methodGroup).Parent is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression or (int)SyntaxKind.SubtractAssignmentExpression };
    }

    private static void FixMethodGroup(DocumentEditor editor, MemberAccessExpressionSyntax methodGroup, string loaderText, string? setter, CancellationToken cancellationToken)
    {
        var loader = SyntaxFactory.ParseExpression(loaderText);
        ExpressionSyntax replacement;
        if (setter is not null)
        {
            replacement = (ExpressionSyntax)editor.Generator.MemberAccessExpression(loader, setter);
        }
        else
        {
            string epoch = Statements.UniqueName(editor.SemanticModel, methodGroup.SpanStart, methodGroup, "epoch");
            if (Statements.EpochsSetEpochCall(editor, loader, SyntaxFactory.IdentifierName(epoch), methodGroup.SpanStart) is not { } call) return;
            // epoch => …, where the method group becomes a delegate type; (int epoch) => … where it has to give one (var h = x.SetEpoch).
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(epoch));
            replacement = editor.SemanticModel.GetTypeInfo(methodGroup, cancellationToken).ConvertedType is INamedTypeSymbol { TypeKind: TypeKind.Delegate }
                ? SyntaxFactory.SimpleLambdaExpression(parameter, call)
                : SyntaxFactory.ParenthesizedLambdaExpression(
                    SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(parameter.WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword))))), call);
            replacement = replacement.NormalizeWhitespace();
            // (Action<int>)loader.sampler.SetEpoch: a lambda needs parentheses to be cast.
            if (methodGroup.Parent is CastExpressionSyntax) replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }
        replacement = replacement.WithTriviaFrom(methodGroup).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);

        if (PatternIfOf(methodGroup) is { } ifStatement && DeclaredByAPattern(editor.SemanticModel, methodGroup.Expression, cancellationToken))
        {
            // if (loader.Sampler is DistributedSampler d) hooks.Add(d.SetEpoch);  →  hooks.Add(loader.SetEpoch);
            var statement = methodGroup.FirstAncestorOrSelf<ExpressionStatementSyntax>()!;
            editor.ReplaceNode(ifStatement, statement.ReplaceNode(methodGroup, replacement).WithTriviaFrom(ifStatement).WithAdditionalAnnotations(Formatter.Annotation));
            return;
        }
        editor.ReplaceNode(methodGroup, replacement);
        RemoveUnusedAlias(editor, methodGroup.Expression as IdentifierNameSyntax);
        // events.EpochStarted += s.SetEpoch; … -= s.SetEpoch: the pair keeps matching.
        if (Unparenthesized(methodGroup).Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression } subscription)
        {
            foreach (var removal in methodGroup.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (removal.IsKind(SyntaxKind.SubtractAssignmentExpression) && Same(removal.Left, subscription.Left) && Same(removal.Right, methodGroup))
                    editor.ReplaceNode(removal.Right, replacement.WithTriviaFrom(removal.Right));
            }
        }

        static bool Same(SyntaxNode a, SyntaxNode b) => a.WithoutTrivia().ToString() == b.WithoutTrivia().ToString();
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized;
        return expression;
    }

    /// <summary>The <c>if</c> whose pattern declares the method group's receiver, when the method group's statement is all it holds.</summary>
    private static IfStatementSyntax? PatternIfOf(MemberAccessExpressionSyntax methodGroup) =>
        methodGroup.Expression is IdentifierNameSyntax receiver ? Statements.PatternIf(methodGroup.FirstAncestorOrSelf<ExpressionStatementSyntax>(), receiver.Identifier.ValueText) : null;

    /// <summary>Whether <paramref name="receiver"/> is a local declared by a pattern (<c>is T s</c>, <c>{ Sampler: T s }</c>, <c>case T s:</c>).</summary>
    private static bool DeclaredByAPattern(SemanticModel model, ExpressionSyntax? receiver, CancellationToken cancellationToken) =>
        receiver is IdentifierNameSyntax && model.GetSymbolInfo(receiver, cancellationToken).Symbol is ILocalSymbol local &&
        local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is SingleVariableDesignationSyntax;

    /// <summary>
    /// Whether the new statement may stand without the pattern <c>if</c>: what the <c>if</c> tests is a variable or a
    /// chain of members (<c>loader</c>, <c>run.Loader</c>; not a call, which would run again and may give null) whose type
    /// is not nullable.
    /// </summary>
    private static bool KeepsTheTestsGuarantee(SemanticModel model, IfStatementSyntax ifStatement, CancellationToken cancellationToken)
    {
        if (ifStatement.Condition is not IsPatternExpressionSyntax { Expression: var tested }) return false;
        for (var part = tested; ; part = ((MemberAccessExpressionSyntax)part).Expression)
        {
            if (part is IdentifierNameSyntax or ThisExpressionSyntax) break;
            if (part is not MemberAccessExpressionSyntax) return false;
        }
        return model.GetTypeInfo(tested, cancellationToken).Type is not { } type || type.NullableAnnotation != NullableAnnotation.Annotated &&
               !(type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T });
    }

    /// <summary>
    /// The conditions of <paramref name="test"/> besides the type test that declares the call's receiver: none for a
    /// lone test or a <c>case T s:</c>, the other operands of an <c>&amp;&amp;</c> chain, the operands of a case's
    /// <c>when</c> clause. Null when they cannot move with the call: a <c>||</c>, a negation, or a condition that reads
    /// the receiver.
    /// </summary>
    private static List<ExpressionSyntax>? OtherConditions(StatementSyntax test, InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }) return null;
        var operands = new List<ExpressionSyntax>();
        bool declaresAmongOperands = test is IfStatementSyntax;
        if (test is IfStatementSyntax ifStatement) Flatten(ifStatement.Condition);
        // case IEpochAware s when epoch >= warmup: the when clause guards the call as an && operand would.
        else if (DeclaringLabel(test, receiver) is { WhenClause.Condition: var when }) Flatten(when);
        else return [];
        var others = new List<ExpressionSyntax>();
        foreach (var operand in operands)
        {
            bool declares = operand is IsPatternExpressionSyntax pattern && pattern.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Any(d => d.Identifier.ValueText == receiver.Identifier.ValueText);
            if (declares) continue;
            // Another variable declared here (fake.Sampler is IEpochAware f, out var n) stays in the condition left behind.
            if (operand.DescendantNodesAndSelf().Any(n => n is SingleVariableDesignationSyntax or DeclarationExpressionSyntax)) return null;
            if (operand.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == receiver.Identifier.ValueText) || Statements.HasSideEffects(operand) ||
                operand is IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax } || operand.IsKind(SyntaxKind.LogicalOrExpression) || operand.IsKind(SyntaxKind.LogicalNotExpression))
                return null;
            others.Add(operand is ConditionalExpressionSyntax or AssignmentExpressionSyntax ? SyntaxFactory.ParenthesizedExpression(operand) : operand);
        }
        return declaresAmongOperands && others.Count == operands.Count ? null : others; // an if's declaring test must be one of its operands
        void Flatten(ExpressionSyntax e)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            if (e is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and) { Flatten(and.Left); Flatten(and.Right); }
            else operands.Add(e);
        }
    }

    /// <summary>The case label of <paramref name="test"/>, a <c>switch</c>, whose pattern declares <paramref name="receiver"/>.</summary>
    private static CasePatternSwitchLabelSyntax? DeclaringLabel(StatementSyntax test, IdentifierNameSyntax receiver) =>
        test.DescendantNodes(n => n is not BlockSyntax).OfType<CasePatternSwitchLabelSyntax>().FirstOrDefault(label =>
            label.Pattern.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>().Any(d => d.Identifier.ValueText == receiver.Identifier.ValueText));

    /// <summary>The if or switch statement whose pattern declares the call's receiver (<c>case IEpochAware s:</c>).</summary>
    private static StatementSyntax? PatternTest(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }) return null;
        foreach (var statement in invocation.Ancestors().OfType<StatementSyntax>())
        {
            SyntaxNode? patterns = statement switch
            {
                IfStatementSyntax ifStatement => ifStatement.Condition,
                SwitchStatementSyntax switchStatement => switchStatement,
                _ => null,
            };
            if (patterns is not null && patterns.DescendantNodes(n => n is not BlockSyntax).OfType<SingleVariableDesignationSyntax>()
                    .Any(d => d.Identifier.ValueText == receiver.Identifier.ValueText))
                return statement;
        }
        return null;
    }

    /// <summary>Removes <c>var s = (IEpochAware)loader.Sampler;</c> when the rewritten call was its last use.</summary>
    private static void RemoveUnusedAlias(DocumentEditor editor, InvocationExpressionSyntax invocation) =>
        // s.SetEpoch(e), or s?.SetEpoch(e) after var s = loader.Sampler as IEpochAware;
        RemoveUnusedAlias(editor, invocation.Expression switch
        {
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax name } => name,
            MemberBindingExpressionSyntax when invocation.Parent is ConditionalAccessExpressionSyntax { Expression: IdentifierNameSyntax name } => name,
            _ => null,
        });

    /// <summary>
    /// Removes the declaration of the local <paramref name="receiver"/> names when nothing uses it once the edits made so
    /// far are applied: decided on the code as those edits leave it, so that Fix All, which rewrites every call through
    /// the alias with one editor, removes it after the last (a cast alias left behind throws for the loaders this rule is
    /// about, whose sampler is not epoch-aware).
    /// </summary>
    private static void RemoveUnusedAlias(DocumentEditor editor, IdentifierNameSyntax? receiver)
    {
        if (receiver is null || editor.SemanticModel.GetSymbolInfo(receiver).Symbol is not ILocalSymbol local) return;
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax declarator) return;
        if (declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration) return;
        if (declarator.Initializer?.Value.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any() == true) return; // keep side effects
        // In top-level statements the declaration is a global statement of its own, and its uses are in the others.
        SyntaxNode removable = declaration.Parent is GlobalStatementSyntax global ? global : declaration;
        if (removable.Parent is not { } body) return;
        editor.ReplaceNode(body, (current, _) =>
        {
            if (current.ChildNodes().FirstOrDefault(n => SyntaxFactory.AreEquivalent(n, removable)) is not { } now) return current;
            // Any identifier of that name keeps it: the edited code has no semantic model to tell a namesake apart.
            if (current.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == local.Name && !now.Span.Contains(id.Span))) return current;
            // Its comments stay; a line of nothing but its indentation does not.
            bool comments = now.GetLeadingTrivia().Concat(now.GetTrailingTrivia()).Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
            return current.RemoveNode(now, SyntaxRemoveOptions.KeepUnbalancedDirectives | (comments ? SyntaxRemoveOptions.KeepExteriorTrivia : SyntaxRemoveOptions.KeepNoTrivia)) ?? current;
        });
    }
}
