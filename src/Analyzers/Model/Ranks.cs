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
    /// Whether a condition reads a rank or a main-process test (<c>rank == 0</c>, <c>!Dist.IsMain</c>, <c>GetRank() != 0</c>),
    /// also through a <c>bool</c> local declared from one (<c>bool logs = rank == 0;</c> … <c>if (logs)</c>).
    /// </summary>
    public static bool IsRankDependent(IOperation condition) => IsRankDependent(condition, 0);

    private static bool IsRankDependent(IOperation condition, int depth)
    {
        foreach (var operation in condition.Subtree())
        {
            if (IsRank(operation)) return true;
            // Only a bool: a sampler made from the rank (new DistributedSampler(n, world, rank)) does not tell ranks apart in a test of it.
            if (depth < 2 && operation is ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Boolean } local &&
                Operations.OriginOf(local.Local, operation) is { } origin && IsRankDependent(origin, depth + 1))
                return true;
        }
        return false;
    }

    /// <summary>A read of a rank or a main-process test by its name: <c>Dist.Rank</c>, <c>localRank</c>, <c>IsMainProcess()</c>.</summary>
    public static bool IsRank(IOperation operation)
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
        return name is not null && IsRankName(name);
    }

    /// <summary>By the names above, in any case and with any underscores: <c>_rank</c>, <c>local_rank</c>, <c>LOCAL_RANK</c>, <c>is_main_process</c>.</summary>
    private static bool IsRankName(string name)
    {
        if (name.StartsWith("m_", StringComparison.Ordinal) || name.StartsWith("s_", StringComparison.Ordinal)) name = name.Substring(2);
        name = name.Replace("_", "");
        return name.Length is >= 4 and <= 16 && Names.Contains(name.ToLowerInvariant());
    }
}
