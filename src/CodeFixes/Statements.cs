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
    /// How to name <paramref name="type"/> at <paramref name="position"/>: its simple name when that binds to it
    /// alone; marked to add <c>using Composer.Data;</c> when nothing of that name is in scope; otherwise (a local
    /// named <c>Epochs</c>, say) qualified, as short as the simplifier can make it.
    /// </summary>
    public static SyntaxNode TypeName(DocumentEditor editor, INamedTypeSymbol type, int position)
    {
        var found = editor.SemanticModel.LookupSymbols(position, name: type.Name);
        if (found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0], type)) return SyntaxFactory.IdentifierName(type.Name);
        if (found.IsEmpty) return editor.Generator.TypeExpression(type, addImport: true);
        return SyntaxFactory.ParseExpression(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);
    }

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
