using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Composer.Analyzers.Model;

/// <summary>
/// The cheap first look at a file, before anything is bound: a text search for the words every finding needs,
/// then one syntax walk for the nodes that may matter. Files and members without them cost next to nothing.
/// </summary>
internal sealed class SyntaxFilter
{
    /// <summary>Words one of which every file with a finding contains: loader and sampler type names, epoch setters.</summary>
    public static readonly string[] Words = ["DataLoader", "Sampler", "sampler", "SetEpoch", "set_epoch"];

    public List<SyntaxNode> Iterations { get; } = [];
    public List<InvocationExpressionSyntax> Setters { get; } = [];
    public List<SyntaxNode> Creations { get; } = [];

    public bool IsEmpty => Iterations.Count == 0 && Setters.Count == 0 && Creations.Count == 0;

    /// <summary>The candidate nodes of <paramref name="tree"/>, or null when its text cannot hold a finding.</summary>
    /// <remarks>
    /// Only the members whose text holds one of the words are walked (the whole type when a field, a property or the
    /// type's own declaration holds one, since its members may use that loader), so a large file that mentions a loader
    /// once costs one small walk.
    /// </remarks>
    [MethodImpl(Hot.Path)]
    public static SyntaxFilter? Scan(SyntaxTree tree, KnownTypes types, AnalyzerSettings settings, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        var (loaderNames, words) = types.FilterWords(settings);
        var positions = Positions(text, words);
        if (positions.Count == 0) return null;

        var root = tree.GetRoot(cancellationToken);
        // using Loader = Composer.Data.EpochDataLoader; makes "Loader" a loader's name in this file.
        foreach (var alias in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
        {
            if (alias.Alias is null || loaderNames.Contains(alias.Alias.Name.Identifier.ValueText)) continue;
            loaderNames = new HashSet<string>(loaderNames, StringComparer.Ordinal) { alias.Alias.Name.Identifier.ValueText };
            positions.AddRange(Positions(text, [alias.Alias.Name.Identifier.ValueText]));
        }

        // Words in a member already chosen need no lookup: they would choose it, or a part of it, again.
        positions.Sort();
        var scopes = new HashSet<SyntaxNode>();
        var last = new List<SyntaxNode>();
        foreach (var position in positions)
        {
            if (last.Any(scope => scope.FullSpan.Contains(position))) continue;
            last.Clear();
            foreach (var scope in ScopesOf(root.FindToken(position).Parent, root))
            {
                scopes.Add(scope);
                last.Add(scope);
            }
        }

        var filter = new SyntaxFilter();
        foreach (var scope in scopes)
        {
            if (scope.Ancestors().Any(scopes.Contains)) continue; // walked with the type around it
            foreach (var node in scope.DescendantNodesAndSelf())
                filter.Visit(node, settings, loaderNames);
        }
        return filter;
    }

    [MethodImpl(Hot.Path)]
    private static List<int> Positions(string text, IEnumerable<string> words)
    {
        var positions = new List<int>();
        foreach (var word in words)
            for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
                positions.Add(i);
        return positions;
    }

    /// <summary>What to walk for a word found at <paramref name="node"/>: its member; its whole type for a field, a property or the type's own header; every top-level statement.</summary>
    private static IEnumerable<SyntaxNode> ScopesOf(SyntaxNode? node, SyntaxNode root)
    {
        for (; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case GlobalStatementSyntax:
                    return root.ChildNodes().OfType<GlobalStatementSyntax>();
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                    return [node];
                case BaseFieldDeclarationSyntax or BasePropertyDeclarationSyntax:
                    return node.Parent is TypeDeclarationSyntax owner ? PartsOf(owner, root) : [node];
                case TypeDeclarationSyntax type:
                    return PartsOf(type, root);
                case BaseNamespaceDeclarationSyntax or CompilationUnitSyntax:
                    return [];
            }
        }
        return [];
    }

    /// <summary>A type's declarations in this file: all its parts when it is partial.</summary>
    private static IEnumerable<SyntaxNode> PartsOf(TypeDeclarationSyntax type, SyntaxNode root) =>
        type.Modifiers.Any(SyntaxKind.PartialKeyword)
            ? root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                .OfType<TypeDeclarationSyntax>().Where(t => t.Identifier.ValueText == type.Identifier.ValueText && t.Modifiers.Any(SyntaxKind.PartialKeyword))
            : [type];

    [MethodImpl(Hot.Path)]
    private void Visit(SyntaxNode node, AnalyzerSettings settings, HashSet<string> loaderNames)
    {
        switch (node)
        {
            case CommonForEachStatementSyntax forEach when InLoopOrFunction(forEach):
                Iterations.Add(forEach);
                break;
            case InvocationExpressionSyntax invocation when NameOf(invocation.Expression) is { } name:
                if (settings.IsSetterName(name)) Setters.Add(invocation);
                else if (name == "DataLoader") Creations.Add(invocation);
                else if ((name == "GetEnumerator" || KnownTypes.EnumerableMethodNames.Contains(name)) && InLoopOrFunction(invocation)) Iterations.Add(invocation);
                break;
            case ObjectCreationExpressionSyntax creation when NameOf(creation.Type) is { } typeName && (typeName.EndsWith("DataLoader", StringComparison.Ordinal) || loaderNames.Contains(typeName)):
                Creations.Add(creation);
                break;
            case ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } implicitCreation:
                Creations.Add(implicitCreation);
                break;
        }
    }

    [MethodImpl(Hot.Path)]
    private static string? NameOf(SyntaxNode expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Only a node inside a loop, a local function or a lambda can run once per epoch.</summary>
    [MethodImpl(Hot.Path)]
    private static bool InLoopOrFunction(SyntaxNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent.Kind())
            {
                case SyntaxKind.ForStatement or SyntaxKind.ForEachStatement or SyntaxKind.ForEachVariableStatement or SyntaxKind.WhileStatement or SyntaxKind.DoStatement:
                case SyntaxKind.LocalFunctionStatement or SyntaxKind.SimpleLambdaExpression or SyntaxKind.ParenthesizedLambdaExpression or SyntaxKind.AnonymousMethodExpression:
                    return true;
                case SyntaxKind.MethodDeclaration or SyntaxKind.ConstructorDeclaration or SyntaxKind.CompilationUnit or SyntaxKind.ClassDeclaration or SyntaxKind.StructDeclaration or SyntaxKind.RecordDeclaration:
                    return false;
            }
        }
        return false;
    }
}
