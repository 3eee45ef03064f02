using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP005: the epoch of a loader (the whole loader, its sampler or batch sampler, or a sampler it was built from) is set
/// while that same loader is being iterated: inside its <c>foreach</c>, or inside the <c>while (e.MoveNext())</c> of its
/// enumerator. The fix moves the statement before the iteration.
/// </summary>
internal static class CMP005SetEpochInsideIteration
{
    public static void Find(EpochFlow flow, ImmutableArray<Diagnostic>.Builder findings)
    {
        var reported = new HashSet<IInvocationOperation>();
        foreach (var set in flow.Events)
        {
            if (set is not { Call: { } call, Symbol: { } target } || reported.Contains(call)) continue;
            foreach (var iteration in flow.Iterations)
            {
                if (iteration.LoaderSymbol is not { } loader) continue;
                bool same = set.Target == EpochTarget.Object
                    ? flow.FactsOf(loader, iteration.Loader.Type).Parts.Contains(target)
                    : KnownTypes.Is(target, loader) && !flow.OtherObjects(set.Loader, iteration.Loader);
                if (!same || !iteration.Bodies.Any(body => flow.IsWithin(set.Site, body))) continue;

                reported.Add(call);
                var properties = ImmutableDictionary<string, string?>.Empty.Add(Properties.Loader, iteration.Loader.Syntax.ToString());
                var additional = MoveTarget(iteration.Site.Syntax) is { } statement ? new[] { statement.GetLocation() } : [];
                findings.Add(Diagnostic.Create(Descriptors.CMP005SetEpochInsideIteration, call.Syntax.GetLocation(), additional, properties, iteration.Loader.Syntax.ToString()));
                break;
            }
        }
    }

    /// <summary>
    /// The statement the fix moves the call in front of: the one that runs the iteration. None when that statement only
    /// declares the function the iteration is in (<c>double TrainEpoch() =&gt; train.Select(…).Average();</c>, a stored
    /// lambda): in front of it the call would run once, not before each pass. A lambda handed straight to a call of the
    /// statement (<c>var mean = WithRetry(() =&gt; train.Select(…).Average());</c>) is run by that call, not declared: the
    /// call goes in front of the statement, once per pass, as CMP002's fix puts it (a retry would run it twice inside).
    /// </summary>
    private static StatementSyntax? MoveTarget(SyntaxNode site)
    {
        var statement = site.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null or LocalFunctionStatementSyntax) return null;
        return site.AncestorsAndSelf().TakeWhile(a => a != statement).Any(a => a is AnonymousFunctionExpressionSyntax && !IsHandedToCall(a)) ? null : statement;
    }

    /// <summary>A lambda written as an argument of a method call (<c>WithRetry(() =&gt; …)</c>), which runs it, not one stored.</summary>
    private static bool IsHandedToCall(SyntaxNode lambda) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } };
}
