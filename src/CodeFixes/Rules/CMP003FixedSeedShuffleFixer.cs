using System.Collections.Immutable;
using System.Composition;
using System.Runtime.CompilerServices;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace Composer.Analyzers.CodeFixes.Rules;

/// <summary>
/// CMP003: <c>new DataLoader(data, 32, shuffle: true, seed: 42, …)</c> (or <c>torch.utils.data.DataLoader(…)</c>, named or
/// positional) becomes <c>new DataLoader(data, 32, new RandomSampler(data.Count, seed: 42), …)</c>, and
/// <c>Epochs.SetEpoch(loader, epoch);</c> goes before each iteration of the loader in an epoch loop. Offers nothing
/// when the data set is an expression that should not be evaluated twice, or an epoch loop has no epoch variable.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMP003FixedSeedShuffleFixer)), Shared]
public sealed class CMP003FixedSeedShuffleFixer : EditorFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.CMP003FixedSeedShuffle.Id);

    /// <inheritdoc />
    protected override string EquivalenceKey => "Shuffle with an epoch-aware RandomSampler";

    // Names of data set locals made in one editor (one Fix All), so that two fixes in one block do not make the same.
    private static readonly ConditionalWeakTable<DocumentEditor, HashSet<string>> MadeLocals = new();

    /// <inheritdoc />
    protected override async Task<Action<DocumentEditor>?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName("Composer.Data.RandomSampler") is null) return null;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var creation = (ExpressionSyntax?)node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (creation is null || ArgumentsOf(creation) is not { } list) return null;
        var operation = model.GetOperation(creation, cancellationToken);
        var arguments = operation switch { IObjectCreationOperation c => c.Arguments, IInvocationOperation i => i.Arguments, _ => ImmutableArray<IArgumentOperation>.Empty };
        ArgumentSyntax? Syntax(string parameter) => arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name == parameter)?.Syntax as ArgumentSyntax;
        if (Syntax("dataset") is not { } dataset || Syntax("seed") is not { } seed || Syntax("batchSize") is null) return null;
        // shuffle: isTrain keeps its meaning as isTrain ? new RandomSampler(…) : new SequentialSampler(…).
        var shuffleArgument = Syntax("shuffle");
        bool alwaysShuffles = shuffleArgument is null || model.GetConstantValue(shuffleArgument.Expression, cancellationToken).Value is true;
        // The sampler goes to an overload that takes a shuffler, as TorchSharp's DataLoader has: a derived loader's may not.
        var overloads = operation switch
        {
            IObjectCreationOperation { Constructor: { } c } => c.ContainingType.InstanceConstructors,
            IInvocationOperation i => i.TargetMethod.ContainingType.GetMembers(i.TargetMethod.Name).OfType<IMethodSymbol>(),
            _ => [],
        };
        if (!overloads.Any(o => o.Parameters.Any(p => p.Name == "shuffler"))) return null;
        // RandomSampler's seed is an int: a nullable seed (null means "a fresh order each time") has no single meaning there.
        if (model.GetTypeInfo(seed.Expression, cancellationToken).Type?.SpecialType != SpecialType.System_Int32) return null;
        // The sampler needs the data set's length: a data set made in place is first stored in a local.
        bool simple = dataset.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax };
        var statement = creation.FirstAncestorOrSelf<StatementSyntax>();
        if (!simple && statement?.Parent is not (BlockSyntax or GlobalStatementSyntax)) return null;

        // Where the new sampler's epoch must be set: every epoch loop iterating the loader, each with its variable.
        var loader = diagnostic.Properties.TryGetValue(Properties.Loader, out var name) ? name : null;
        var anchors = new List<(StatementSyntax Statement, string Epoch)>();
        for (int i = 0; i < diagnostic.AdditionalLocations.Count; i++)
        {
            if (loader is null || Statements.StatementAt(root, diagnostic.AdditionalLocations[i]) is not { } anchor) return null;
            if (!diagnostic.Properties.TryGetValue(Properties.Epoch + i, out var epoch) || epoch is null) return null;
            if (!Statements.BindsAt(model, anchor.SpanStart, loader) || !Statements.BindsAt(model, anchor.SpanStart, epoch)) return null;
            anchors.Add((anchor, epoch));
        }

        return editor =>
        {
            var randomSampler = editor.SemanticModel.Compilation.GetTypeByMetadataName("Composer.Data.RandomSampler")!;
            var generator = editor.Generator;
            var data = dataset.Expression.WithoutTrivia();
            if (!simple)
            {
                var made = MadeLocals.GetOrCreateValue(editor);
                // The statements of a top-level program share one scope, the file's.
                var scope = statement!.Parent is GlobalStatementSyntax { Parent: { } file } ? file : statement.Parent!;
                var local = Statements.UniqueName(editor.SemanticModel, statement.SpanStart, scope, "dataset", made);
                made.Add(local);
                Statements.InsertBefore(editor, statement, SyntaxFactory.ParseStatement($"var {local} = {data};"), belowItsHead: true);
                data = SyntaxFactory.IdentifierName(local);
            }
            var sampler = (ExpressionSyntax)generator.ObjectCreationExpression(
                Statements.TypeName(editor, randomSampler, creation.SpanStart),
                generator.MemberAccessExpression(data, "Count"),
                generator.Argument("seed", RefKind.None, seed.Expression.WithoutTrivia()));
            if (!alwaysShuffles)
            {
                var sequential = editor.SemanticModel.Compilation.GetTypeByMetadataName("Composer.Data.SequentialSampler")!;
                var inOrder = generator.ObjectCreationExpression(Statements.TypeName(editor, sequential, creation.SpanStart), generator.MemberAccessExpression(data, "Count"));
                var condition = SyntaxFactory.ParenthesizedExpression(shuffleArgument!.Expression.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation);
                sampler = SyntaxFactory.ConditionalExpression(condition, sampler, (ExpressionSyntax)inOrder);
            }

            // dataset, batchSize (and collate_fn) keep their places; the sampler takes shuffle's; the rest are named.
            var leading = new[] { "dataset", "batchSize", "collate_fn" };
            IParameterSymbol? ParameterOf(ArgumentSyntax a) => arguments.FirstOrDefault(o => o.Syntax == a)?.Parameter;
            var kept = list.Arguments.Select((a, i) => (Argument: a == dataset && !simple ? a.WithExpression(data.WithTriviaFrom(a.Expression)) : a, From: i))
                .Where(k => ParameterOf(list.Arguments[k.From]) is { } p && leading.Contains(p.Name)).ToList();
            // After an argument named out of its place (collate_fn: before batchSize:) a positional one does not compile.
            bool named = kept.Where((k, i) => k.Argument.NameColon is not null && ParameterOf(list.Arguments[k.From])!.Ordinal != i).Any();
            var samplerArgument = named
                ? SyntaxFactory.Argument(SyntaxFactory.NameColon("shuffler"), default, sampler)
                : SyntaxFactory.Argument(sampler);
            // Only what the fix writes is laid out and simplified: the arguments it keeps keep their layout.
            kept.Add((samplerArgument.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation)
                .WithLeadingTrivia(shuffleArgument?.GetLeadingTrivia() ?? default), shuffleArgument is null ? -1 : list.Arguments.IndexOf(shuffleArgument)));
            for (int i = 0; i < list.Arguments.Count; i++)
            {
                var a = list.Arguments[i];
                if (ParameterOf(a)?.Name is not { } parameter || leading.Contains(parameter) || parameter is "shuffle" or "seed") continue;
                kept.Add((a.NameColon is null ? Statements.Named(a, parameter) : a, i));
            }
            editor.ReplaceNode(list, Statements.WithArguments(list, kept));

            foreach (var (anchor, epoch) in anchors)
                if (Statements.EpochsSetEpoch(editor, loader!, SyntaxFactory.IdentifierName(epoch), anchor.SpanStart) is { } call)
                    Statements.InsertBefore(editor, anchor, call);
        };
    }

    private static ArgumentListSyntax? ArgumentsOf(ExpressionSyntax creation) => creation switch
    {
        BaseObjectCreationExpressionSyntax c => c.ArgumentList,
        InvocationExpressionSyntax i => i.ArgumentList,
        _ => null,
    };
}
