using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Composer.Analyzers.Model;

/// <summary>
/// The cheap first look at a file, before anything is bound: a text search for the words every finding needs, then,
/// in a file that holds one, the nodes that may matter, found from the text (a name that is called, a keyword) and a
/// token lookup each, not by walking every node. Files without the words cost next to nothing.
/// </summary>
internal sealed class SyntaxFilter
{
    /// <summary>
    /// Words one of which every file with a finding contains, with the epoch setters and the user's loader type names.
    /// Only the candidate words' occurrences can start a candidate (a creation, TorchSharp's factory, a setter); the
    /// others only tell that a file may hold one (a loader iterated without naming its type: <c>foreach (var b in data.Train)</c>).
    /// </summary>
    public static readonly string[] CandidateWords = ["DataLoader"], OtherWords = ["Sampler", "sampler"];

    private SyntaxFilter(string text) => Text = text;

    /// <summary>The file's text, searched again by the model (for assignments to a member, setters in a body).</summary>
    public string Text { get; }

    public List<SyntaxNode> Iterations { get; } = [];
    /// <summary>Setter calls, and setters handed on as delegates (<c>hooks.Add(loader.Sampler.SetEpoch)</c>).</summary>
    public List<ExpressionSyntax> Setters { get; } = [];
    public List<SyntaxNode> Creations { get; } = [];
    /// <summary>
    /// Iterations in no loop of their member (<c>void TrainOneEpoch(EpochDataLoader loader) { foreach (var b in loader) … }</c>):
    /// they run once per call, so the loops that call the member are what may make them epoch iterations.
    /// </summary>
    public List<SyntaxNode> HelperIterations { get; } = [];

    public bool IsEmpty => Iterations.Count == 0 && Setters.Count == 0 && Creations.Count == 0 && HelperIterations.Count == 0;

    /// <summary>The candidate nodes of <paramref name="tree"/>, or null when its text cannot hold a finding.</summary>
    /// <remarks>
    /// The whole file is searched once it holds a word, not only the members that hold one: another type's member, or a
    /// top-level statement, may reach the loader through a property (<c>foreach (var b in data.Train)</c>) or build it
    /// with a target-typed <c>new(…)</c> without naming it.
    /// </remarks>
    public static SyntaxFilter? Scan(SyntaxTree tree, KnownTypes types, AnalyzerSettings settings, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        var positions = Positions(text, types.CandidateWords(settings));
        if (positions.Count == 0 && !ContainsAny(text, types.OtherWords(settings))) return null;

        var root = tree.GetRoot(cancellationToken);
        // using Loader = Composer.Data.EpochDataLoader; makes "Loader" a loader's name in this file.
        HashSet<string>? aliases = null;
        foreach (var alias in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
        {
            if (alias.Alias is null || !(aliases ??= new HashSet<string>(StringComparer.Ordinal)).Add(alias.Alias.Name.Identifier.ValueText)) continue;
            positions.AddRange(Positions(text, [alias.Alias.Name.Identifier.ValueText]));
        }

        var filter = new SyntaxFilter(text);
        var seen = new HashSet<SyntaxNode>();
        var tokens = new TokenFinder(root);
        // The candidates are found from the text, not by walking every node (a walk is most of the filter's cost): the
        // words found above (setters, loader types), 'foreach', the names that are called ('GetEnumerator(', LINQ's
        // 'Take(', 'new(') and the 'from' that starts a query.
        CallPositions(text, positions);
        ForEachPositions(text, positions);
        int queries = positions.Count;
        Occurrences(text, "from", 0, text.Length, positions); // query syntax: from b in loader select …, no '(' to find
        var queryStarts = new HashSet<int>(positions.Skip(queries));
        positions.Sort();
        foreach (var position in positions)
        {
            if (!(queryStarts.Contains(position) || MayBeCalled(text, position) || MayBeMethodGroup(text, position, settings)) ||
                CandidateAt(tokens.At(position)) is not { } node || !seen.Add(node)) continue;
            filter.Visit(node, settings, aliases);
        }
        return filter;
    }

    /// <summary>
    /// Whether the identifier or keyword at <paramref name="position"/> is followed by <c>(</c>, <c>&lt;</c> or <c>{</c>: only
    /// then can it name a call, a creation or a foreach. Saves a token lookup for most words (a loader's type in a declaration).
    /// </summary>
    private static bool MayBeCalled(string text, int position)
    {
        int i = position;
        while (i < text.Length && IsIdentifierPart(text[i])) i++;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i < text.Length && text[i] is '(' or '<' or '{';
    }

    /// <summary>Whether the text names the method declared by <paramref name="identifier"/> as called somewhere else (<c>RunEpoch(</c>, <c>RunEpoch&lt;</c>).</summary>
    public static bool IsCalledElsewhere(string text, SyntaxToken identifier)
    {
        string name = identifier.ValueText;
        for (int i = 0; (i = text.IndexOf(name, i, StringComparison.Ordinal)) >= 0; i += name.Length)
        {
            if (i == identifier.SpanStart || i > 0 && IsIdentifierPart(text[i - 1]) || i + name.Length < text.Length && IsIdentifierPart(text[i + name.Length])) continue;
            if (MayBeCalled(text, i)) return true;
        }
        return false;
    }

    /// <summary>Whether a setter's name not called follows a <c>.</c> at <paramref name="position"/>: a setter handed on as a delegate.</summary>
    private static bool MayBeMethodGroup(string text, int position, AnalyzerSettings settings)
    {
        if (position == 0 || text[position - 1] != '.') return false;
        int end = position;
        while (end < text.Length && IsIdentifierPart(text[end])) end++;
        return settings.IsSetterName(text.Substring(position, end - position));
    }

    /// <summary>
    /// Token lookups, each started from the innermost node around the last token that holds the position rather than
    /// from the file's root: the candidates of a file come sorted and close together, and a descent from the root scans
    /// every type, member and statement before them.
    /// </summary>
    private sealed class TokenFinder(SyntaxNode root)
    {
        private SyntaxNode _near = root;

        public SyntaxToken At(int position)
        {
            while (!_near.FullSpan.Contains(position) && _near.Parent is { } parent) _near = parent;
            var token = _near.FindToken(position);
            _near = token.Parent ?? _near;
            return token;
        }
    }

    /// <summary>The foreach, invocation or creation a token names: the keyword of <c>foreach</c> or <c>new(</c>, the name that is called or created.</summary>
    private static SyntaxNode? CandidateAt(SyntaxToken token)
    {
        if (token.IsKind(SyntaxKind.ForEachKeyword)) return token.Parent as CommonForEachStatementSyntax;
        if (token.IsKind(SyntaxKind.NewKeyword)) return token.Parent as ImplicitObjectCreationExpressionSyntax;
        if (token.IsKind(SyntaxKind.FromKeyword)) return token.Parent is FromClauseSyntax { Parent: QueryExpressionSyntax query } ? query : null;
        if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not SimpleNameSyntax name) return null;
        SyntaxNode node = name;
        while (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node || node.Parent is AliasQualifiedNameSyntax alias && alias.Name == node ||
               node.Parent is MemberAccessExpressionSyntax access && access.Name == node || node.Parent is MemberBindingExpressionSyntax binding && binding.Name == node)
            node = node.Parent;
        return node.Parent switch
        {
            InvocationExpressionSyntax invocation when invocation.Expression == node => invocation,
            ObjectCreationExpressionSyntax creation when creation.Type == node => creation,
            _ when node is MemberAccessExpressionSyntax => node, // a method group
            _ => null,
        };
    }

    /// <summary>Names whose call can iterate a loader or make one: <c>GetEnumerator</c>, LINQ's methods, <c>new(…)</c>.</summary>
    private static readonly Dictionary<int, string> CallNames = KnownTypes.EnumerableMethodNames.Concat(["GetEnumerator", "new"]).ToDictionary(Hash, name => name);

    /// <summary>Where a name of <see cref="CallNames"/> is followed by <c>(</c> (or by type arguments and <c>(</c>).</summary>
    private static void CallPositions(string text, List<int> positions)
    {
        for (int open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
        {
            int end = SkipSpaceBack(text, open - 1);
            if (end >= 0 && text[end] == '>') // Cast<Batch>(
            {
                int depth = 0, limit = Math.Max(0, end - 200);
                for (; end >= limit; end--)
                {
                    if (text[end] == '>') depth++;
                    else if (text[end] == '<' && --depth == 0) break;
                }
                end = SkipSpaceBack(text, end - 1);
            }
            int start = end;
            while (start >= 0 && IsIdentifierPart(text[start])) start--;
            start++;
            int length = end - start + 1;
            if (length >= 3 && CallNames.TryGetValue(Hash(text, start, length), out var name) && name.Length == length && string.CompareOrdinal(text, start, name, 0, length) == 0)
                positions.Add(start);
        }
    }

    /// <summary>An identifier's character: ASCII tested inline (most text is), the rest by the framework.</summary>
    private static bool IsIdentifierPart(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') < 26 || (uint)(c - '0') < 10 || c == '_' : char.IsLetterOrDigit(c);

    private static int SkipSpaceBack(string text, int index)
    {
        while (index >= 0 && char.IsWhiteSpace(text[index])) index--;
        return index;
    }

    private static int Hash(string name) => Hash(name, 0, name.Length);

    private static int Hash(string text, int start, int length)
    {
        unchecked
        {
            int hash = (int)2166136261;
            for (int i = start; i < start + length; i++) hash = (hash ^ text[i]) * 16777619;
            return hash;
        }
    }

    private static void ForEachPositions(string text, List<int> positions) => Occurrences(text, "foreach", 0, text.Length, positions);

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0) return true;
        return false;
    }

    private static List<int> Positions(string text, IEnumerable<string> words)
    {
        var positions = new List<int>();
        foreach (var word in words) Occurrences(text, word, 0, text.Length, positions);
        return positions;
    }

    /// <summary>Adds where <paramref name="word"/> occurs in <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/> to <paramref name="positions"/>.</summary>
    public static List<int> Occurrences(string text, string word, int start, int end, List<int> positions)
    {
        for (int i = start; i + word.Length <= end && (i = text.IndexOf(word, i, end - i, StringComparison.Ordinal)) >= 0; i += word.Length)
            positions.Add(i);
        return positions;
    }

    private void Visit(SyntaxNode node, AnalyzerSettings settings, HashSet<string>? aliases)
    {
        switch (node)
        {
            case CommonForEachStatementSyntax or QueryExpressionSyntax:
                (InLoopOrFunction(node) ? Iterations : HelperIterations).Add(node);
                break;
            case InvocationExpressionSyntax invocation when NameOf(invocation.Expression) is { } name:
                if (settings.IsSetterName(name)) Setters.Add(invocation);
                else if (name == "DataLoader") Creations.Add(invocation);
                else if (name == "GetEnumerator" || KnownTypes.IsEnumerableMethodName(name)) (InLoopOrFunction(invocation) ? Iterations : HelperIterations).Add(invocation);
                break;
            case ObjectCreationExpressionSyntax creation when NameOf(creation.Type) is { } typeName && (typeName.EndsWith("DataLoader", StringComparison.Ordinal) || aliases?.Contains(typeName) == true):
                Creations.Add(creation);
                break;
            case ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } implicitCreation:
                Creations.Add(implicitCreation);
                break;
            case MemberAccessExpressionSyntax methodGroup when settings.IsSetterName(methodGroup.Name.Identifier.ValueText):
                Setters.Add(methodGroup);
                break;
        }
    }

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

    /// <summary>Only a node inside a loop, a local function or a lambda can run once per epoch (or a method such a node calls).</summary>
    public static bool InLoopOrFunction(SyntaxNode node)
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
