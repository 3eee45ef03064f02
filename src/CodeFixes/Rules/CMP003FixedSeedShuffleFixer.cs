using System.Collections.Immutable;
using System.Composition;
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
/// CMP003: <c>new DataLoader(data, 32, shuffle: true, seed: 42)</c> becomes
/// <c>new DataLoader(data, 32, new RandomSampler(data.Count, seed: 42))</c>, and where the loader is iterated in
/// an epoch loop of the same method, <c>Epochs.SetEpoch(loader, epoch);</c> goes before the loop body's first use of it.
/// Offers nothing when arguments after the batch size are positional (the shuffler constructor orders them
/// differently) or when the data set is an expression that should not be evaluated twice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP003FixedSeedShuffleFixer)), Shared]
public sealed class CMP003FixedSeedShuffleFixer : CodeFixProvider
{
    const string Title = "Shuffle with an epoch-aware RandomSampler";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP003FixedSeedShuffle.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var creation = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        if (creation?.ArgumentList is not { Arguments.Count: >= 4 } arguments) return;
        var list = arguments.Arguments;
        if (list[0].NameColon is not null || list[1].NameColon is not null || list.Skip(2).Any(a => a.NameColon is null)) return;
        if (list[0].Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax })) return;
        var seed = list.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "seed");
        if (seed is null) return;

        context.RegisterCodeFix(CodeAction.Create(Title, ct => FixAsync(context.Document, creation, seed, ct), equivalenceKey: Title), diagnostic);
    }

    static async Task<Document> FixAsync(Document document, BaseObjectCreationExpressionSyntax creation, ArgumentSyntax seed, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var randomSampler = editor.SemanticModel.Compilation.GetTypeByMetadataName("Composer.Data.RandomSampler");
        if (randomSampler is null) return document;
        var generator = editor.Generator;
        var list = creation.ArgumentList!.Arguments;

        var dataset = list[0].Expression.WithoutTrivia();
        var sampler = (ExpressionSyntax)generator.ObjectCreationExpression(
            Statements.TypeName(editor, randomSampler, creation.SpanStart),
            generator.MemberAccessExpression(dataset, "Count"),
            generator.Argument("seed", RefKind.None, seed.Expression.WithoutTrivia()));
        var kept = list.Take(2)
            .Append(SyntaxFactory.Argument(sampler))
            .Concat(list.Skip(2).Where(a => a.NameColon!.Name.Identifier.ValueText is not ("shuffle" or "seed")));
        var fixedCreation = creation.WithArgumentList(creation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(kept)))
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        editor.ReplaceNode(creation, fixedCreation);

        // Set the epoch at the top of each epoch loop that uses the loader: before the first statement that does.
        if (creation.Parent?.Parent is VariableDeclaratorSyntax { Identifier.ValueText: var loader } &&
            creation.FirstAncestorOrSelf<BlockSyntax>() is { } body)
        {
            var uses = body.DescendantNodes().OfType<IdentifierNameSyntax>().Where(id => id.Identifier.ValueText == loader);
            var done = new HashSet<SyntaxNode>();
            foreach (var use in uses)
            {
                var loop = use.Ancestors().TakeWhile(a => a != body).FirstOrDefault(a => EpochVariable(a) is not null);
                if (loop is null || !done.Add(loop) || LoopBody(loop) is not BlockSyntax loopBody) continue;
                var first = loopBody.Statements.FirstOrDefault(st => st.Span.Contains(use.Span));
                if (first is not null && Statements.EpochsSetEpoch(editor, loader, SyntaxFactory.IdentifierName(EpochVariable(loop)!), first.SpanStart) is { } call)
                    Statements.InsertBefore(editor, first, call);
            }
        }
        return editor.GetChangedDocument();
    }

    static StatementSyntax? LoopBody(SyntaxNode loop) => loop switch
    {
        ForStatementSyntax @for => @for.Statement,
        ForEachStatementSyntax @foreach => @foreach.Statement,
        _ => null,
    };

    static string? EpochVariable(SyntaxNode loop) => loop switch
    {
        ForStatementSyntax { Declaration.Variables.Count: 1 } @for => @for.Declaration.Variables[0].Identifier.ValueText,
        ForEachStatementSyntax @foreach when @foreach.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Range" } } => @foreach.Identifier.ValueText,
        _ => null,
    };
}
