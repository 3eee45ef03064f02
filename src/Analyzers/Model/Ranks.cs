using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>
/// Branches that only some processes of a data-parallel job take: <c>if (Dist.Rank == 0)</c>, <c>if (isMainProcess)</c>.
/// An epoch set only there reaches one rank; the others replay one order (and their shards overlap).
/// </summary>
internal static class Ranks
{
    /// <summary>
    /// Names (lower case, without <c>_</c>, <c>m_</c> or <c>s_</c>) of what tells processes apart: a rank, read from
    /// the runtime's <c>Dist</c> or a variable of the user's, or a test for the main process as launchers name it.
    /// </summary>
    private static readonly HashSet<string> Names =
    [
        "rank", "localrank", "globalrank", "worldrank", "noderank", "myrank", "processrank", "devicerank", "gpurank",
        "getrank", "getlocalrank", "getglobalrank",
        "ismain", "ismainprocess", "ismainrank", "ismaster", "ismasterprocess", "isrankzero", "isrank0", "isroot",
        "isrootrank", "isleader", "ischief", "isglobalzero", "islocalzero", "isprimary", "isfirstrank",
    ];

    /// <summary>
    /// The branch of a rank-dependent <c>if</c> or <c>?:</c> between <paramref name="site"/> and <paramref name="loop"/>
    /// that holds <paramref name="site"/>, and that conditional; null when every rank that runs the pass reaches it.
    /// </summary>
    public static (IConditionalOperation Conditional, IOperation Branch)? Limiting(IOperation site, IOperation loop)
    {
        if (!loop.Syntax.Span.Contains(site.Syntax.Span)) return null;
        for (var current = site; current.Parent is { } parent && current != loop; current = parent)
        {
            if (parent is IConditionalOperation conditional && current != conditional.Condition && IsRankDependent(conditional.Condition))
                return (conditional, current);
        }
        return null;
    }

    /// <summary>Whether a condition reads a rank or a main-process test (<c>rank == 0</c>, <c>!Dist.IsMain</c>, <c>GetRank() != 0</c>).</summary>
    public static bool IsRankDependent(IOperation condition)
    {
        foreach (var operation in condition.Subtree())
        {
            string? name = operation switch
            {
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                IInvocationOperation call => call.TargetMethod.Name,
                _ => null,
            };
            if (name is not null && IsRankName(name)) return true;
        }
        return false;
    }

    private static bool IsRankName(string name)
    {
        if (name.StartsWith("m_", StringComparison.Ordinal) || name.StartsWith("s_", StringComparison.Ordinal)) name = name.Substring(2);
        name = name.TrimStart('_');
        return name.Length is >= 4 and <= 16 && Names.Contains(name.ToLowerInvariant());
    }
}
