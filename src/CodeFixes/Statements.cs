using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Composer.Analyzers.CodeFixes;

/// <summary>Statement edits the fixes share.</summary>
internal static class Statements
{
    /// <summary>Inserts <paramref name="statement"/> before <paramref name="anchor"/>, wrapping both in a block when the anchor is an embedded statement.</summary>
    public static void InsertBefore(DocumentEditor editor, StatementSyntax anchor, StatementSyntax statement)
    {
        statement = statement.WithAdditionalAnnotations(Formatter.Annotation);
        if (anchor.Parent is BlockSyntax or SwitchSectionSyntax)
            editor.InsertBefore(anchor, statement);
        else
            editor.ReplaceNode(anchor, SyntaxFactory.Block(statement, anchor.WithoutLeadingTrivia()).WithLeadingTrivia(anchor.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>
    /// The type's simple name when it already binds at <paramref name="position"/> (a using or global using),
    /// otherwise its full name marked to add <c>using Composer.Data;</c>.
    /// </summary>
    public static SyntaxNode TypeName(DocumentEditor editor, INamedTypeSymbol type, int position) =>
        editor.SemanticModel.LookupNamespacesAndTypes(position, name: type.Name).Contains(type, SymbolEqualityComparer.Default)
            ? SyntaxFactory.IdentifierName(type.Name)
            : editor.Generator.TypeExpression(type, addImport: true);

    /// <summary><c>Epochs.SetEpoch(loader, epoch);</c>, adding <c>using Composer.Data;</c> when needed; null when the runtime is not referenced.</summary>
    public static StatementSyntax? EpochsSetEpoch(DocumentEditor editor, string loader, ExpressionSyntax epoch, int position)
    {
        var epochs = editor.SemanticModel.Compilation.GetTypeByMetadataName("Composer.Data.Epochs");
        if (epochs is null) return null;
        var generator = editor.Generator;
        var call = generator.InvocationExpression(
            generator.MemberAccessExpression(TypeName(editor, epochs, position), "SetEpoch"),
            SyntaxFactory.ParseExpression(loader), epoch);
        return ((StatementSyntax)generator.ExpressionStatement(call))
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }

    /// <summary>The foreach whose collection is the loader (or <c>loader.IterateFrom(…)</c>) around <paramref name="node"/>.</summary>
    public static ForEachStatementSyntax? IterationOf(SyntaxNode node, string loader) =>
        node.AncestorsAndSelf().OfType<ForEachStatementSyntax>().FirstOrDefault(f =>
            f.Expression.ToString() == loader ||
            f.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IterateFrom" } access } && access.Expression.ToString() == loader);
}
