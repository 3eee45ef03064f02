using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
            // Every epoch loop the setter runs in (a local function called from two): the first where the epoch is the same on every pass.
            var loops = flow.InnermostLoops(set.Site, flow.IsEpochLoop);
            if (loops.Select(l => l.Loop).FirstOrDefault(l => !flow.Varies(epoch, l)) is not { } loop) continue;

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (flow.EpochVariable(loop) is { } variable) properties = properties.Add(Properties.Epoch, variable);
            var locations = new List<Location> { loop.Syntax.GetLocation() };
            switch (ArgumentAtCall(flow, epoch, loops, loop))
            {
                case { ArgumentKind: ArgumentKind.Explicit } argument:
                    locations.Add(argument.Syntax.GetLocation());
                    break;
                case { Parent.Syntax: InvocationExpressionSyntax omitted, Parameter: { } parameter }:
                    // Left to its default value (Begin() for void Begin(int e = 0)): the fix adds it to the call's arguments.
                    locations.Add(omitted.ArgumentList.GetLocation());
                    properties = properties.Add(Properties.Parameter, parameter.Name);
                    break;
                default:
                    // The setter's own epoch argument, as the model read it (Reseed(loader, 0, 1000): the 0, not the last).
                    if (epoch.Parent is IArgumentOperation own) locations.Add(own.Syntax.GetLocation());
                    break;
            }
            findings.Add(Diagnostic.Create(Descriptors.CMP004EpochArgumentConstant, call.Syntax.GetLocation(), locations, properties, epoch.Syntax.ToString()));
        }
    }

    /// <summary>
    /// When the epoch is a parameter of the local function or stored lambda that holds the setter
    /// (<c>void Begin(int e) =&gt; sampler.SetEpoch(e)</c>), the argument its one call in the loop passes for it
    /// (<c>Begin(0)</c>): where the fix puts the loop's epoch. Null when the function is called more than once there.
    /// </summary>
    private static IArgumentOperation? ArgumentAtCall(EpochFlow flow, IOperation epoch, List<(ILoopOperation Loop, IOperation Site)> loops, ILoopOperation loop)
    {
        if (epoch.WalkDown() is not IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol function } parameter }) return null;
        IOperation? site = null;
        foreach (var (other, use) in loops)
        {
            if (other != loop) continue;
            if (site is not null) return null;
            site = use;
        }
        if (site is null || !flow.UsesOf(function).Contains(site) || Operations.CallOf(site) is not { } call) return null;
        foreach (var argument in call.Arguments)
            if (argument.Parameter?.Ordinal == parameter.Ordinal && argument.ArgumentKind is ArgumentKind.Explicit or ArgumentKind.DefaultValue) return argument;
        return null;
    }
}
