using System.Collections.Immutable;
using System.Composition;
using Composer.Analyzers.Rules;
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
/// CMP001: replaces the sampler-only epoch statement (the whole <c>if (loader.Sampler is IEpochAware s) …</c>,
/// the cast call, the <c>?.</c> call, or the call and its now unused alias) with one
/// <c>Epochs.SetEpoch(loader, epoch);</c>, or <c>loader.SetEpoch(epoch);</c> for an <c>EpochDataLoader</c>.
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
        var diagnostic = context.Diagnostics[0];
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node) return;
        var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation?.ArgumentList.Arguments.Count != 1) return;
        if (!diagnostic.Properties.TryGetValue(CMP001SetEpochOnSamplerOnlyAnalyzer.LoaderProperty, out var loader) || loader is null) return;
        bool isEpochDataLoader = diagnostic.Properties.TryGetValue(CMP001SetEpochOnSamplerOnlyAnalyzer.IsEpochDataLoaderProperty, out var flag) && flag == "true";
        if (StatementToReplace(invocation) is not { } statement) return;

        context.RegisterCodeFix(
            CodeAction.Create(Title, ct => FixAsync(context.Document, statement, invocation, loader, isEpochDataLoader, ct), equivalenceKey: Title),
            diagnostic);
    }

    /// <summary>The statement that exists only to set the sampler's epoch, or null when the call is part of something larger.</summary>
    static StatementSyntax? StatementToReplace(InvocationExpressionSyntax invocation)
    {
        SyntaxNode expression = invocation;
        while (expression.Parent is ConditionalAccessExpressionSyntax or ParenthesizedExpressionSyntax) expression = expression.Parent;
        if (expression.Parent is not ExpressionStatementSyntax statement) return null;

        // if (loader.Sampler is IEpochAware s) s.SetEpoch(e);   or   { s.SetEpoch(e); }
        StatementSyntax current = statement;
        if (current.Parent is BlockSyntax { Statements.Count: 1 } block) current = block;
        if (current.Parent is IfStatementSyntax { Else: null } ifStatement && ifStatement.Statement == current && !(ifStatement.Parent is ElseClauseSyntax))
            return ifStatement;
        return statement;
    }

    static async Task<Document> FixAsync(Document document, StatementSyntax statement, InvocationExpressionSyntax invocation, string loaderText, bool isEpochDataLoader, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        var loader = SyntaxFactory.ParseExpression(loaderText);
        var epoch = invocation.ArgumentList.Arguments[0].Expression.WithoutTrivia();

        SyntaxNode call;
        if (isEpochDataLoader)
        {
            call = generator.InvocationExpression(generator.MemberAccessExpression(loader, "SetEpoch"), epoch);
        }
        else
        {
            var epochs = editor.SemanticModel.Compilation.GetTypeByMetadataName("Composer.Data.Epochs");
            if (epochs is null) return document;
            call = generator.InvocationExpression(generator.MemberAccessExpression(Statements.TypeName(editor, epochs, statement.SpanStart), "SetEpoch"), loader, epoch);
        }
        var replacement = ((StatementSyntax)generator.ExpressionStatement(call))
            .WithTriviaFrom(statement)
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        RemoveUnusedAlias(editor, invocation, statement);
        editor.ReplaceNode(statement, replacement);
        return editor.GetChangedDocument();
    }

    /// <summary>Removes <c>var s = (IEpochAware)loader.Sampler;</c> when the replaced call was its only use.</summary>
    static void RemoveUnusedAlias(DocumentEditor editor, InvocationExpressionSyntax invocation, StatementSyntax replaced)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }) return;
        if (editor.SemanticModel.GetSymbolInfo(receiver).Symbol is not ILocalSymbol local) return;
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax declarator) return;
        if (declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration) return;
        var body = declaration.Parent;
        if (body is null) return;
        bool usedElsewhere = body.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(id => id.Identifier.ValueText == local.Name && !replaced.Span.Contains(id.Span) &&
                       SymbolEqualityComparer.Default.Equals(editor.SemanticModel.GetSymbolInfo(id).Symbol, local));
        if (!usedElsewhere) editor.RemoveNode(declaration, SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.KeepExteriorTrivia);
    }
}
