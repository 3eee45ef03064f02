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
    static readonly string[] Words = ["DataLoader", "Sampler", "sampler", "SetEpoch", "set_epoch"];

    public List<SyntaxNode> Iterations { get; } = [];
    public List<InvocationExpressionSyntax> Setters { get; } = [];
    public List<SyntaxNode> Creations { get; } = [];

    public bool IsEmpty => Iterations.Count == 0 && Setters.Count == 0 && Creations.Count == 0;

    /// <summary>The candidate nodes of <paramref name="tree"/>, or null when its text cannot hold a finding.</summary>
    public static SyntaxFilter? Scan(SyntaxTree tree, KnownTypes types, AnalyzerSettings settings, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        if (!Words.Any(w => text.IndexOf(w, StringComparison.Ordinal) >= 0) &&
            !settings.SetterNames.Any(w => text.IndexOf(w, StringComparison.Ordinal) >= 0) &&
            !settings.LoaderTypeNames.Any(w => text.IndexOf(w, StringComparison.Ordinal) >= 0) &&
            !types.ShapeLoaderNames.Any(w => text.IndexOf(w, StringComparison.Ordinal) >= 0))
            return null;

        var filter = new SyntaxFilter();
        var loaderNames = new HashSet<string>(types.ShapeLoaderNames.Concat(settings.LoaderTypeNames), StringComparer.Ordinal);
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            switch (node)
            {
                case UsingDirectiveSyntax { Alias: { } alias }:
                    loaderNames.Add(alias.Name.Identifier.ValueText); // using Loader = Composer.Data.EpochDataLoader;
                    break;
                case CommonForEachStatementSyntax forEach when InLoopOrFunction(forEach):
                    filter.Iterations.Add(forEach);
                    break;
                case InvocationExpressionSyntax invocation when NameOf(invocation.Expression) is { } name:
                    if (settings.IsSetterName(name)) filter.Setters.Add(invocation);
                    else if (name == "DataLoader") filter.Creations.Add(invocation);
                    else if ((name == "GetEnumerator" || types.EnumerableMethodNames.Contains(name)) && InLoopOrFunction(invocation)) filter.Iterations.Add(invocation);
                    break;
                case ObjectCreationExpressionSyntax creation when NameOf(creation.Type) is { } typeName && (typeName.EndsWith("DataLoader", StringComparison.Ordinal) || loaderNames.Contains(typeName)):
                    filter.Creations.Add(creation);
                    break;
                case ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } implicitCreation:
                    filter.Creations.Add(implicitCreation);
                    break;
            }
        }
        return filter;
    }

    static string? NameOf(SyntaxNode expression) => expression switch
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
    static bool InLoopOrFunction(SyntaxNode node)
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
