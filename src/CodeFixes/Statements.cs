using System.Runtime.CompilerServices;
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
    /// <summary>
    /// Inserts <paramref name="statement"/> before <paramref name="anchor"/> (before its labels), wrapping both in a block
    /// when the anchor is an embedded statement. Edits already made inside the anchor are kept. With
    /// <paramref name="belowItsHead"/> the new statement is the first half of the anchor (its data set, stored first): it
    /// goes below the blank lines, comments and directives above the anchor, which then head both.
    /// </summary>
    public static void InsertBefore(DocumentEditor editor, StatementSyntax anchor, StatementSyntax statement, bool belowItsHead = false)
    {
        statement = Formatted(statement);
        // A goto to the anchor's label must not run the new statement again (a counter declared there would restart at 0).
        while (anchor.Parent is LabeledStatementSyntax label) anchor = label;
        if (anchor.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
        {
            SyntaxNode target = anchor.Parent is GlobalStatementSyntax global ? global : anchor;
            SyntaxNode inserted = anchor.Parent is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(WrittenOut(statement, target)) : statement;
            // A directive above the anchor (the #endif of a branch before it) stays above the new statement, which would
            // otherwise land inside that branch; so do the blank lines below it, which the formatter would otherwise drop.
            // A second statement for the same anchor (Fix All) goes after the first, below the trivia already moved.
            var leading = target.GetLeadingTrivia();
            if (belowItsHead && TriviaMoved.GetOrCreateValue(editor).Add(target))
            {
                inserted = WrittenOut(statement, target);
                editor.ReplaceNode(target, (current, _) => current.WithLeadingTrivia(Indentation(current)));
                editor.InsertBefore(target, anchor.Parent is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement((StatementSyntax)inserted).WithLeadingTrivia(leading) : inserted.WithLeadingTrivia(leading));
                return;
            }
            int directives = leading.Count - leading.Reverse().TakeWhile(t => !t.IsDirective && !t.IsKind(SyntaxKind.DisabledTextTrivia)).Count(), moved = directives;
            for (int i = directives; i < leading.Count && leading[i].IsKind(SyntaxKind.WhitespaceTrivia) | leading[i].IsKind(SyntaxKind.EndOfLineTrivia); i++)
                if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia)) moved = i + 1;
            if (moved > 0 && TriviaMoved.GetOrCreateValue(editor).Add(target))
            {
                // Elastic trivia next to a blank line lets the formatter remove it.
                var own = inserted.GetLeadingTrivia();
                if (moved > directives && own.Count > 0 && own[0].HasAnnotation(SyntaxAnnotation.ElasticAnnotation) && own[0].Span.IsEmpty) own = SyntaxFactory.TriviaList(own.Skip(1));
                inserted = inserted.WithLeadingTrivia(leading.Take(moved).Concat(own));
                editor.ReplaceNode(target, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().Skip(moved)));
            }
            editor.InsertBefore(target, inserted);
        }
        else if (Wrapped.GetOrCreateValue(editor).Add(anchor))
        {
            editor.ReplaceNode(anchor, (current, _) => SyntaxFactory.Block(statement, ((StatementSyntax)current).WithoutLeadingTrivia())
                .WithLeadingTrivia(current.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
        }
        else
        {
            // Already wrapped by an earlier fix of this Fix All: the block is there, the statement joins it.
            editor.InsertBefore(anchor, statement);
        }
    }

    /// <summary>
    /// <paramref name="statement"/> on a line of its own above <paramref name="target"/>, indented like it, its comments
    /// kept, in trivia written out: around elastic trivia between two statements of a top-level program the formatter
    /// adds blank lines.
    /// </summary>
    private static StatementSyntax WrittenOut(StatementSyntax statement, SyntaxNode target)
    {
        var indentation = Indentation(target);
        var lineBreak = target.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (lineBreak == default) lineBreak = SyntaxFactory.CarriageReturnLineFeed;
        var leading = statement.GetLeadingTrivia().Where(IsComment).SelectMany(c => indentation.Append(c).Append(lineBreak)).Concat(indentation);
        var trailing = statement.GetTrailingTrivia().Where(IsComment).SelectMany(c => new[] { SyntaxFactory.Space, c }).Append(lineBreak);
        return statement.WithLeadingTrivia(leading).WithTrailingTrivia(trailing);
    }

    private static List<SyntaxTrivia> Indentation(SyntaxNode node) =>
        node.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse().ToList();

    /// <summary>
    /// <paramref name="statement"/> in elastic trivia, which lets the formatter lay it out on its own line, indented like
    /// the statement next to it; a moved statement keeps its comments (// reshuffle) and nothing else of its old layout.
    /// </summary>
    private static StatementSyntax Formatted(StatementSyntax statement) =>
        statement.WithLeadingTrivia(Comments(statement.GetLeadingTrivia(), leading: true)).WithTrailingTrivia(Comments(statement.GetTrailingTrivia(), leading: false))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>
    /// <paramref name="replacement"/> in place of <paramref name="outer"/> (an <c>if</c> whose body it stands for), with
    /// the outer statement's trivia and the comments of its body: the comment after <paramref name="inner"/> on its line
    /// stays at the end of the line, the others go on lines of their own before it.
    /// </summary>
    public static StatementSyntax WithCommentsOf(StatementSyntax replacement, StatementSyntax outer, SyntaxNode body, StatementSyntax inner)
    {
        var after = inner.GetTrailingTrivia();
        var before = SyntaxFactory.TriviaList(body.DescendantTrivia().Where(t => IsComment(t) && !after.Contains(t)));
        // Without braces the inner statement ends the outer one, whose trailing trivia already holds the comment.
        var trailing = inner.GetLastToken() == outer.GetLastToken() ? outer.GetTrailingTrivia()
            : SyntaxFactory.TriviaList(after.Where(IsComment).SelectMany(c => new[] { SyntaxFactory.Space, c })).AddRange(outer.GetTrailingTrivia());
        return replacement
            .WithLeadingTrivia(outer.GetLeadingTrivia().AddRange(before.Count == 0 ? [] : Comments(before, leading: true)))
            .WithTrailingTrivia(trailing);
    }

    private static bool IsComment(SyntaxTrivia trivia) => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

    /// <summary>The anchors whose directives and blank lines (or whole head, <c>belowItsHead</c>) an editor's first insertion took over.</summary>
    private static readonly ConditionalWeakTable<DocumentEditor, HashSet<SyntaxNode>> TriviaMoved = new();

    /// <summary>The embedded statements an editor wrapped in a block.</summary>
    private static readonly ConditionalWeakTable<DocumentEditor, HashSet<SyntaxNode>> Wrapped = new();

    /// <summary>The comments of <paramref name="trivia"/>, each on its own line before a statement or after it on its line, in elastic trivia.</summary>
    private static SyntaxTriviaList Comments(SyntaxTriviaList trivia, bool leading)
    {
        var kept = new List<SyntaxTrivia>();
        if (leading) kept.Add(SyntaxFactory.ElasticMarker);
        foreach (var comment in trivia.Where(IsComment))
            kept.AddRange(leading ? [comment, SyntaxFactory.ElasticCarriageReturnLineFeed] : [SyntaxFactory.Space, comment]);
        if (!leading) kept.Add(SyntaxFactory.ElasticMarker);
        return SyntaxFactory.TriviaList(kept);
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

    /// <summary>
    /// <c>Epochs.SetEpoch(loader, epoch)</c>, adding <c>using Composer.Data;</c> when needed, or the loader's own setter
    /// <c>loader.Setter(epoch)</c> when <paramref name="setter"/> names one (<c>Properties.Setter</c>); null when
    /// <c>Epochs</c> is needed and the runtime is not referenced.
    /// </summary>
    public static ExpressionSyntax? EpochsSetEpochCall(DocumentEditor editor, ExpressionSyntax loader, ExpressionSyntax epoch, int position, string? setter = null)
    {
        var generator = editor.Generator;
        // h?.Loader: the loader's own setter goes after the ?. (nothing runs when h is null, as before); Epochs.SetEpoch would
        // be handed null and throw, so no call is made.
        if (loader is ConditionalAccessExpressionSyntax access)
            return setter is null ? null : SyntaxFactory.ParseExpression($"{access.WithoutTrivia()}.{setter}({epoch.WithoutTrivia()})").WithAdditionalAnnotations(Formatter.Annotation);
        if (setter is not null) return ((ExpressionSyntax)generator.InvocationExpression(generator.MemberAccessExpression(loader, setter), epoch)).WithAdditionalAnnotations(Formatter.Annotation);
        var epochs = editor.SemanticModel.Compilation.GetTypeByMetadataName("Composer.Data.Epochs");
        if (epochs is null) return null;
        return ((ExpressionSyntax)generator.InvocationExpression(generator.MemberAccessExpression(TypeName(editor, epochs, position), "SetEpoch"), loader, epoch))
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }

    /// <summary><see cref="EpochsSetEpochCall"/> as a statement, or null when the runtime is needed and not referenced.</summary>
    public static StatementSyntax? EpochsSetEpoch(DocumentEditor editor, string loader, ExpressionSyntax epoch, int position, string? setter = null) =>
        EpochsSetEpochCall(editor, SyntaxFactory.ParseExpression(loader), epoch, position, setter) is { } call
            ? SyntaxFactory.ExpressionStatement(call).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.AddImportsAnnotation)
            : null;

    /// <summary>Whether <paramref name="expression"/> means something at <paramref name="position"/> (its variables are in scope there).</summary>
    public static bool BindsAt(SemanticModel model, int position, string expression)
    {
        var parsed = SyntaxFactory.ParseExpression(expression);
        // A member access must bind as a whole too: owner.Student means nothing when owner is an object.
        return (parsed is not MemberAccessExpressionSyntax || model.GetSpeculativeSymbolInfo(position, parsed, SpeculativeBindingOption.BindAsExpression).Symbol is not null) &&
               parsed.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(i => i.Parent is not MemberAccessExpressionSyntax { Name: var n } || n != i)
                   .All(i => model.GetSpeculativeSymbolInfo(position, i, SpeculativeBindingOption.BindAsExpression).Symbol is { } symbol && DeclaredBefore(symbol, position));
    }

    /// <summary>A local is in scope in its whole block, but usable only after its declaration.</summary>
    private static bool DeclaredBefore(ISymbol symbol, int position) =>
        symbol is not ILocalSymbol local || local.DeclaringSyntaxReferences.All(r => r.Span.Start < position);

    /// <summary>Whether every name in <paramref name="node"/> binds to the same symbol at <paramref name="position"/>.</summary>
    public static bool MeansTheSameAt(SemanticModel model, SyntaxNode node, int position, CancellationToken cancellationToken)
    {
        foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier || identifier.Parent is MemberBindingExpressionSyntax) continue;
            var here = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (here?.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == node.SyntaxTree && node.Span.Contains(r.Span)) == true) continue; // declared by the node itself
            var there = model.GetSpeculativeSymbolInfo(position, identifier, SpeculativeBindingOption.BindAsExpression).Symbol;
            if (here is not null && (!SymbolEqualityComparer.Default.Equals(here, there) || !DeclaredBefore(here, position))) return false;
        }
        return true;
    }

    /// <summary>
    /// <paramref name="stem"/>, or <paramref name="stem"/> with a number (<c>epoch</c>, <c>epoch1</c>…), so that it clashes
    /// with nothing visible at <paramref name="position"/>, declared in <paramref name="scope"/> or already <paramref name="taken"/>.
    /// </summary>
    public static string UniqueName(SemanticModel model, int position, SyntaxNode scope, string stem, IEnumerable<string>? taken = null)
    {
        var declared = new HashSet<string>(scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).Concat(taken ?? []));
        for (int i = 0; ; i++)
        {
            string name = i == 0 ? stem : $"{stem}{i}";
            if (!declared.Contains(name) && model.LookupSymbols(position, name: name).IsEmpty) return name;
        }
    }

    /// <summary>
    /// The epoch to pass on each pass of <paramref name="loop"/>: its variable <paramref name="epoch"/>, or, when it has
    /// none, a new counter, which <see cref="DeclareCounter"/> then declares: a <c>while</c> loop becomes
    /// <c>for (var epoch = 0; condition; epoch++)</c> and passes <c>epoch</c> (right after <c>continue</c>, and the same
    /// counter for every setter a Fix All changes in the pass); any other loop passes <c>epoch++</c>, advanced at each use
    /// (see <see cref="InsertSetter"/> and <see cref="SharedValue"/> for a pass with several setters).
    /// </summary>
    public static (ExpressionSyntax Value, string? Counter) EpochValue(DocumentEditor editor, string? epoch, StatementSyntax loop)
    {
        var made = NewCounters.GetOrCreateValue(editor);
        if (epoch is null && made.TryGetValue(loop, out var known)) epoch = known; // a second setter of the pass, in one Fix All
        if (epoch is not null)
        {
            // A long counter goes to SetEpoch(int) as (int)epoch.
            bool wide = Counter(editor.SemanticModel, loop, epoch) is { Type.SpecialType: SpecialType.System_Int64 };
            return (wide ? SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), SyntaxFactory.IdentifierName(epoch)) : SyntaxFactory.IdentifierName(epoch), null);
        }
        // Declared before the loop, the counter must not clash with a name declared anywhere in the enclosing body
        // (an earlier for (int epoch …) loop included: C# forbids reusing it in the enclosing scope); declared by the
        // loop, with none declared inside it or visible there.
        var body = loop is WhileStatementSyntax ? loop
            : loop.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax) ?? loop;
        string counter = UniqueName(editor.SemanticModel, loop.SpanStart, body, "epoch", loop is WhileStatementSyntax ? [] : made.Values);
        made[loop] = counter;
        return (loop is WhileStatementSyntax ? SyntaxFactory.IdentifierName(counter) : Advanced(counter), counter);
    }

    /// <summary><c>counter++</c>, marked as the counter's advance, which <see cref="AdvanceOnce"/> hands on to the pass's last setter.</summary>
    private static ExpressionSyntax Advanced(string counter) =>
        SyntaxFactory.PostfixUnaryExpression(SyntaxKind.PostIncrementExpression, SyntaxFactory.IdentifierName(counter)).WithAdditionalAnnotations(new SyntaxAnnotation(AdvanceKind, counter));

    private const string AdvanceKind = "Composer.AdvancesCounter";

    /// <summary>
    /// Inserts the setter <paramref name="setter"/> makes (of the epoch and the position it is written at) before
    /// <paramref name="anchor"/> in <paramref name="loop"/>'s pass, passing <paramref name="value"/>. A counter advanced
    /// where it is passed (<c>epoch++</c>) must give every loader of the pass the same epoch: a setter that would follow one
    /// that advances it goes right after that one and takes the <c>++</c> over (<c>Epochs.SetEpoch(source, epoch);
    /// Epochs.SetEpoch(target, epoch++);</c>), when <paramref name="loader"/> is in scope there and not assigned on the way.
    /// </summary>
    public static void InsertSetter(DocumentEditor editor, StatementSyntax loop, StatementSyntax anchor, ExpressionSyntax value, string loader, Func<ExpressionSyntax, int, StatementSyntax?> setter)
    {
        var advancers = Advancers.GetOrCreateValue(editor);
        bool Joins(int position) => BindsAt(editor.SemanticModel, position, loader) && !AssignedBetween(anchor, position, loader);
        if (value is IdentifierNameSyntax { Identifier.ValueText: var counter })
        {
            // Fix All: after the setter an earlier fix made to advance the new counter, before the same anchor.
            if (advancers.TryGetValue(loop, out var first) && Joins(first.SpanStart) && setter(Advanced(counter), first.SpanStart) is { } joined)
            {
                InsertBefore(editor, first, joined);
                AdvanceOnce(editor, loop, counter);
                return;
            }
            // One fix at a time: after the setter an earlier fix wrote, the statement before the next one.
            if (AdvancedBefore(anchor, counter) is { } advance && advance.FirstAncestorOrSelf<StatementSyntax>() is { } written &&
                written.GetLastToken().GetNextToken().SpanStart is var next && Joins(next) && BindsAt(editor.SemanticModel, next, counter) &&
                setter(Advanced(counter), next) is { } after)
            {
                editor.ReplaceNode(advance, (current, _) => current.WithAdditionalAnnotations(new SyntaxAnnotation(AdvanceKind, counter)));
                editor.InsertAfter(written, Formatted(after));
                AdvanceOnce(editor, loop, counter);
                return;
            }
        }
        if (setter(value, anchor.SpanStart) is not { } call) return;
        InsertBefore(editor, anchor, call);
        if (value.HasAnnotations(AdvanceKind)) advancers[loop] = anchor;
    }

    /// <summary>
    /// Whether a statement of <paramref name="anchor"/>'s block from <paramref name="position"/> to the anchor assigns
    /// <paramref name="loader"/>: a setter moved above it would set the loader it replaces (<c>aux = new EpochDataLoader(…)</c>).
    /// </summary>
    private static bool AssignedBetween(StatementSyntax anchor, int position, string loader)
    {
        static string Bare(ExpressionSyntax e) => (e is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access ? access.Name : e).ToString();
        string target = Bare(SyntaxFactory.ParseExpression(loader));
        while (anchor.Parent is LabeledStatementSyntax label) anchor = label;
        return Siblings(anchor).Where(s => s.SpanStart >= position && s.SpanStart < anchor.SpanStart).SelectMany(s => s.DescendantNodesAndSelf()).Any(n =>
            n is AssignmentExpressionSyntax assignment && Bare(assignment.Left) == target ||
            n is ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument && Bare(argument.Expression) == target);
    }

    /// <summary>
    /// The epoch to pass at <paramref name="call"/> in <paramref name="loop"/>'s pass instead of <paramref name="value"/>:
    /// the counter's advance, taken over from an earlier statement of the block that advances it where it passes it
    /// (the setter an earlier fix changed), so that the two setters pass the same epoch. Only for a call that is a
    /// statement of that block, with nothing in between that may jump past it. <see cref="AdvanceOnce"/> then hands the
    /// advance on, once the value is in place.
    /// </summary>
    public static ExpressionSyntax SharedValue(DocumentEditor editor, StatementSyntax loop, InvocationExpressionSyntax call, ExpressionSyntax value)
    {
        var advancers = Advancers.GetOrCreateValue(editor);
        var statement = call.Parent as ExpressionStatementSyntax;
        if (value.HasAnnotations(AdvanceKind))
        {
            if (statement is not null) advancers[loop] = statement;
            return value;
        }
        if (value is not IdentifierNameSyntax { Identifier.ValueText: var counter } || statement is null) return value;
        var siblings = Siblings(statement);
        for (int i = siblings.IndexOf(statement) - 1; i >= 0; i--)
        {
            var before = siblings[i];
            bool recorded = advancers.TryGetValue(loop, out var advancer) && advancer == before;
            var advance = recorded ? null : Advance(before, counter);
            if (recorded || advance is not null)
            {
                if (advance is not null) editor.ReplaceNode(advance, (current, _) => current.WithAdditionalAnnotations(new SyntaxAnnotation(AdvanceKind, counter)));
                advancers[loop] = statement;
                return Advanced(counter);
            }
            if (MayJumpPast(before)) break;
        }
        return value;
    }

    /// <summary>Whether <paramref name="statement"/> may go on with the pass without running the statements after it, or be jumped into.</summary>
    private static bool MayJumpPast(StatementSyntax statement) =>
        statement.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).Any(n => n switch
        {
            GotoStatementSyntax or LabeledStatementSyntax or YieldStatementSyntax => true,
            // Out of a loop (or switch) inside the statement is no further than the statement's end.
            ContinueStatementSyntax => !n.Ancestors().TakeWhile(a => a != statement.Parent).Any(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax),
            BreakStatementSyntax => !n.Ancestors().TakeWhile(a => a != statement.Parent).Any(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchStatementSyntax),
            _ => false,
        });

    /// <summary>
    /// Leaves the <c>++</c> of <paramref name="counter"/> on the last setter of <paramref name="loop"/>'s pass that a fix
    /// made to advance it; the others pass the counter as it is.
    /// </summary>
    public static void AdvanceOnce(DocumentEditor editor, StatementSyntax loop, string counter) => editor.ReplaceNode(loop, (current, _) =>
    {
        var marked = current.GetAnnotatedNodes(AdvanceKind).Where(n => n.GetAnnotations(AdvanceKind).Any(a => a.Data == counter)).ToList();
        return marked.Count < 2 ? current : current.ReplaceNodes(marked, (original, rewritten) =>
            (original == marked[marked.Count - 1] ? Advanced(counter) : SyntaxFactory.IdentifierName(counter).WithAdditionalAnnotations(new SyntaxAnnotation(AdvanceKind, counter))).WithTriviaFrom(rewritten));
    });

    /// <summary>The setters that advance a new counter where they pass it, per loop: the anchor a fix inserted one before, or the statement whose argument it changed.</summary>
    private static readonly ConditionalWeakTable<DocumentEditor, Dictionary<StatementSyntax, StatementSyntax>> Advancers = new();

    /// <summary>The last statement before <paramref name="anchor"/> in its block that passes <c>counter++</c> to a call (<see cref="Advance"/>).</summary>
    private static PostfixUnaryExpressionSyntax? AdvancedBefore(StatementSyntax anchor, string counter)
    {
        while (anchor.Parent is LabeledStatementSyntax label) anchor = label;
        var siblings = Siblings(anchor);
        return siblings.Take(Math.Max(0, siblings.IndexOf(anchor))).Reverse().Select(s => Advance(s, counter)).FirstOrDefault(a => a is not null);
    }

    /// <summary>
    /// <c>counter++</c> in <paramref name="statement"/> when it is a call passing it, which reads the counter nowhere else
    /// (<c>Epochs.SetEpoch(train, epoch++);</c>, as a fix writes it).
    /// </summary>
    private static PostfixUnaryExpressionSyntax? Advance(StatementSyntax statement, string counter) =>
        statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } &&
        call.ArgumentList.Arguments.Select(a => a.Expression).OfType<PostfixUnaryExpressionSyntax>()
            .FirstOrDefault(p => p.IsKind(SyntaxKind.PostIncrementExpression) && p.Operand is IdentifierNameSyntax { Identifier.ValueText: var name } && name == counter) is { } advance &&
        statement.DescendantNodes().OfType<IdentifierNameSyntax>().Count(i => i.Identifier.ValueText == counter) == 1
            ? advance
            : null;

    private static SyntaxList<StatementSyntax> Siblings(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => block.Statements,
        SwitchSectionSyntax section => section.Statements,
        _ => default,
    };

    /// <summary>Whether a new counter for <paramref name="loop"/> holds the pass's number wherever the pass reads it, not only where it is advanced.</summary>
    public static bool CountsEveryPass(StatementSyntax loop) => loop is WhileStatementSyntax;

    /// <summary>The counters an editor's fixes made, per loop: a second setter of the same pass (Fix All) passes the first's.</summary>
    private static readonly ConditionalWeakTable<DocumentEditor, Dictionary<StatementSyntax, string>> NewCounters = new();

    /// <summary>The local named <paramref name="name"/> that counts the loop: declared by a <c>for</c> or <c>foreach</c>, else before it.</summary>
    private static ILocalSymbol? Counter(SemanticModel model, StatementSyntax loop, string name) => loop switch
    {
        ForStatementSyntax { Declaration: { } declaration } when declaration.Variables.FirstOrDefault(v => v.Identifier.ValueText == name) is { } variable =>
            model.GetDeclaredSymbol(variable) as ILocalSymbol,
        ForEachStatementSyntax forEach when forEach.Identifier.ValueText == name => model.GetDeclaredSymbol(forEach),
        _ => model.LookupSymbols(loop.SpanStart, name: name).FirstOrDefault() as ILocalSymbol,
    };

    /// <summary>
    /// Declares the counter <see cref="EpochValue"/> made: <c>while (c)</c> becomes <c>for (var counter = 0; c; counter++)</c>,
    /// keeping the loop's layout and edits already made inside it; before any other loop goes <c>var counter = 0;</c>.
    /// </summary>
    public static void DeclareCounter(DocumentEditor editor, StatementSyntax loop, string? counter)
    {
        if (counter is null) return;
        if (loop is WhileStatementSyntax)
        {
            editor.ReplaceNode(loop, (current, _) =>
            {
                var whileLoop = (WhileStatementSyntax)current;
                var header = (ForStatementSyntax)SyntaxFactory.ParseStatement($"for (var {counter} = 0; ; {counter}++) ;");
                return header.WithForKeyword(header.ForKeyword.WithTriviaFrom(whileLoop.WhileKeyword))
                    .WithOpenParenToken(whileLoop.OpenParenToken)
                    .WithCondition(whileLoop.Condition)
                    .WithCloseParenToken(whileLoop.CloseParenToken)
                    .WithStatement(whileLoop.Statement);
            });
            return;
        }
        InsertBefore(editor, loop, SyntaxFactory.ParseStatement($"var {counter} = 0;").WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>
    /// <paramref name="list"/> with <paramref name="arguments"/>, each paired with the index of the argument it stands in
    /// for (-1 for a new one): an argument keeps the comma that followed it, and with it the line break and comment
    /// after it, so a creation written one argument per line stays so.
    /// </summary>
    public static ArgumentListSyntax WithArguments(ArgumentListSyntax list, IReadOnlyList<(ArgumentSyntax Argument, int From)> arguments)
    {
        var separators = new List<SyntaxToken>();
        for (int i = 0; i < arguments.Count - 1; i++)
            separators.Add(arguments[i].From is >= 0 and var from && from < list.Arguments.SeparatorCount
                ? list.Arguments.GetSeparator(from)
                : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        var items = arguments.Select(a => a.Argument).ToList();
        var close = list.CloseParenToken;
        // The last argument loses the comma that followed it, but not the comment after that comma (// P×K: 8 classes):
        // a space takes the comma's place, so the comment keeps its column, and the parenthesis goes on the next line,
        // where the argument after it began.
        int end = items.Count - 1;
        if (end >= 0 && arguments[end].From is >= 0 and var last && last < list.Arguments.SeparatorCount &&
            list.Arguments.GetSeparator(last).TrailingTrivia is var afterComma && afterComma.Any(IsComment))
        {
            items[end] = items[end].WithTrailingTrivia(items[end].GetTrailingTrivia().Add(SyntaxFactory.Space).AddRange(afterComma));
            if (afterComma.Last().IsKind(SyntaxKind.EndOfLineTrivia) && !close.GetPreviousToken().TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia))
                close = close.WithLeadingTrivia(list.Arguments[last + 1].GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        }
        return list.WithArguments(SyntaxFactory.SeparatedList(items, separators)).WithCloseParenToken(close);
    }

    /// <summary><paramref name="argument"/> named for <paramref name="parameter"/> (<c>name: value</c>), its trivia and layout kept.</summary>
    public static ArgumentSyntax Named(ArgumentSyntax argument, string parameter) =>
        argument.WithoutLeadingTrivia()
            .WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameter), SyntaxFactory.Token(SyntaxKind.ColonToken).WithTrailingTrivia(SyntaxFactory.Space)))
            .WithLeadingTrivia(argument.GetLeadingTrivia());

    /// <summary>The statement found at an additional location of a diagnostic.</summary>
    public static StatementSyntax? StatementAt(SyntaxNode root, Location location) =>
        root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Span == location.SourceSpan);

    /// <summary>
    /// <c>if (x is T s) s.SetEpoch(e);</c> (or <c>x is { } s</c>, <c>x is { Sampler: T s }</c>, <c>{ s.SetEpoch(e); }</c>) around the call's statement, with no else, whose
    /// pattern declares the call's receiver: the whole if exists for the call.
    /// </summary>
    public static IfStatementSyntax? PatternIf(ExpressionStatementSyntax? statement, InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } ? PatternIf(statement, receiver.Identifier.ValueText) : null;

    /// <summary>The same for a statement that uses <paramref name="receiver"/> otherwise (<c>hooks.Add(s.SetEpoch);</c>).</summary>
    public static IfStatementSyntax? PatternIf(ExpressionStatementSyntax? statement, string receiver)
    {
        if (statement is null) return null;
        StatementSyntax current = statement;
        if (current.Parent is BlockSyntax { Statements.Count: 1 } block) current = block;
        return current.Parent is IfStatementSyntax { Else: null, Condition: IsPatternExpressionSyntax { Pattern: var pattern } } ifStatement &&
               Designation(pattern) is SingleVariableDesignationSyntax designation &&
               ifStatement.Statement == current && ifStatement.Parent is not ElseClauseSyntax && receiver == designation.Identifier.ValueText
            ? ifStatement
            : null;
    }

    /// <summary>Whether an expression may change something when it runs: a call, an assignment, <c>++</c>/<c>--</c>.</summary>
    public static bool HasSideEffects(SyntaxNode expression) =>
        expression.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or AwaitExpressionSyntax or
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression });

    private static VariableDesignationSyntax? Designation(PatternSyntax pattern) => pattern switch
    {
        // loader is { Sampler: IEpochAware s }: one property tested, and only to declare the receiver.
        RecursivePatternSyntax { Type: null, Designation: null, PositionalPatternClause: null, PropertyPatternClause.Subpatterns: { Count: 1 } subpatterns } => Designation(subpatterns[0].Pattern),
        DeclarationPatternSyntax declaration => declaration.Designation,
        RecursivePatternSyntax recursive => recursive.Designation,
        _ => null,
    };

    /// <summary>The whole expression a call stands in: through <c>?.</c> and parentheses.</summary>
    public static ExpressionSyntax Outermost(InvocationExpressionSyntax invocation)
    {
        ExpressionSyntax expression = invocation;
        while (expression.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == expression || expression.Parent is ParenthesizedExpressionSyntax)
            expression = (ExpressionSyntax)expression.Parent!;
        return expression;
    }
}
