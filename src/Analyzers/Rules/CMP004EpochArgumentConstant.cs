using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP004: inside an epoch loop, the epoch given to a setter is the same on every pass: a constant, or made only of
/// variables the loop neither declares nor writes (another loop's variable, a start epoch, a counter never advanced).
/// </summary>
internal static class CMP004EpochArgumentConstant
{
    public static void Find(EpochFlow flow, ImmutableArray<Diagnostic>.Builder findings)
    {
        var reported = new HashSet<IInvocationOperation>();
        foreach (var set in flow.Events)
        {
            if (set is not { Call: { } call, Epoch: { } epoch } || !reported.Add(call)) continue;
            if (flow.EpochLoopOf(set.Site) is not { } loop || flow.Varies(epoch, loop)) continue;

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (flow.EpochVariable(loop) is { } variable) properties = properties.Add(Properties.Epoch, variable);
            findings.Add(Diagnostic.Create(Descriptors.CMP004EpochArgumentConstant, call.Syntax.GetLocation(), [loop.Syntax.GetLocation()], properties, epoch.Syntax.ToString()));
        }
    }
}
