using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP001: replaces the sampler-only epoch call with <c>Epochs.SetEpoch(loader, epoch)</c> (<c>loader.SetEpoch(epoch)</c>
/// for an <c>EpochDataLoader</c>). When the call is the whole body of <c>if (loader.Sampler is IEpochAware s)</c>, the
/// <c>if</c> goes too; an alias local used only by the call is removed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP001SetEpochOnSamplerOnlyFixer)), Shared]
public sealed class CMP001SetEpochOnSamplerOnlyFixer : CodeFixProvider
{
    const string Title = "Set the epoch on every part of the loader";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP001SetEpochOnSamplerOnly.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var reported = context.Diagnostics[0];
        if (await CurrentDiagnostic.FindAsync(context.Document, reported, context.CancellationToken).ConfigureAwait(false) is not { } diagnostic) return;
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { ArgumentList.Arguments.Count: 1 } invocation) return;
        if (!diagnostic.Properties.TryGetValue(Properties.Loader, out var loader) || loader is null) return;
        bool isEpochDataLoader = diagnostic.Properties.TryGetValue(Properties.EpochDataLoader, out var flag) && flag == "true";

        context.RegisterCodeFix(
            CodeAction.Create(Title, ct => FixAsync(context.Document, invocation, loader, isEpochDataLoader, ct), equivalenceKey: Title), reported);
    }

    static async Task<Document> FixAsync(Document document, InvocationExpressionSyntax invocation, string loaderText, bool isEpochDataLoader, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var loader = SyntaxFactory.ParseExpression(loaderText);
        var epoch = invocation.ArgumentList.Arguments[0].Expression.WithoutTrivia();
        var expression = Statements.Outermost(invocation);

        ExpressionSyntax? call = isEpochDataLoader
            ? (ExpressionSyntax)editor.Generator.InvocationExpression(editor.Generator.MemberAccessExpression(loader, "SetEpoch"), epoch)
            : Statements.EpochsSetEpochCall(editor, loader, epoch, expression.SpanStart);
        if (call is null) return document;
        call = call.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        if (expression.Parent is ExpressionStatementSyntax statement)
        {
            var replaced = PatternIf(statement, invocation) ?? (StatementSyntax)statement;
            RemoveUnusedAlias(editor, invocation, replaced);
            editor.ReplaceNode(replaced, SyntaxFactory.ExpressionStatement(call).WithTriviaFrom(replaced).WithAdditionalAnnotations(Formatter.Annotation));
        }
        else
        {
            editor.ReplaceNode(expression, call.WithTriviaFrom(expression));
        }
        return editor.GetChangedDocument();
    }

    /// <summary><c>if (loader.Sampler is IEpochAware s) s.SetEpoch(e);</c> (or <c>{ s.SetEpoch(e); }</c>) with no else: the whole if exists for the call.</summary>
    static IfStatementSyntax? PatternIf(ExpressionStatementSyntax statement, InvocationExpressionSyntax invocation)
    {
        StatementSyntax current = statement;
        if (current.Parent is BlockSyntax { Statements.Count: 1 } block) current = block;
        return current.Parent is IfStatementSyntax { Else: null, Condition: IsPatternExpressionSyntax { Pattern: DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax designation } } } ifStatement &&
               ifStatement.Statement == current &&
               invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } &&
               receiver.Identifier.ValueText == designation.Identifier.ValueText
            ? ifStatement
            : null;
    }

    /// <summary>Removes <c>var s = (IEpochAware)loader.Sampler;</c> when the replaced call was its only use.</summary>
    static void RemoveUnusedAlias(DocumentEditor editor, InvocationExpressionSyntax invocation, StatementSyntax replaced)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }) return;
        if (editor.SemanticModel.GetSymbolInfo(receiver).Symbol is not ILocalSymbol local) return;
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax declarator) return;
        if (declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration) return;
        if (declarator.Initializer?.Value.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any() == true) return; // keep side effects
        var body = declaration.Parent;
        if (body is null) return;
        bool usedElsewhere = body.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(id => id.Identifier.ValueText == local.Name && !replaced.Span.Contains(id.Span) &&
                       SymbolEqualityComparer.Default.Equals(editor.SemanticModel.GetSymbolInfo(id).Symbol, local));
        if (!usedElsewhere) editor.RemoveNode(declaration, SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.KeepExteriorTrivia);
    }
}
