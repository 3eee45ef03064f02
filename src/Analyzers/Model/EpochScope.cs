using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>
/// The code that runs once per epoch around an operation: the body of its innermost enclosing loop
/// (for, foreach, while, do; not across a lambda or local function), or the whole member body when
/// there is no loop. Answers "is this loader's epoch handled here?".
/// </summary>
internal static class EpochScope
{
    public static IOperation Around(IOperation operation) =>
        (IOperation?)operation.EnclosingLoops().FirstOrDefault() ?? operation.Root();

    /// <summary>The epoch calls in <paramref name="scope"/>, outside lambdas and local functions.</summary>
    public static IEnumerable<EpochCall> Calls(IOperation scope, KnownTypes types) =>
        OwnOperations(scope).OfType<IInvocationOperation>().Select(i => EpochCall.From(i, types)).Where(c => c is not null)!;

    /// <summary>Whether <paramref name="scope"/> mentions the loader's batch sampler (<c>loader.BatchSampler</c> in any form).</summary>
    public static bool MentionsBatchSampler(IOperation scope, ISymbol loader) =>
        OwnOperations(scope).Any(o => LoaderMembers.IsPart(o, LoaderMembers.BatchSamplerNames, out var owner) &&
                                      SymbolEqualityComparer.Default.Equals(owner.ReferencedSymbol(), loader));

    /// <summary>Whether <paramref name="scope"/> passes the loader to a method (which may set its epoch).</summary>
    public static bool PassesToAMethod(IOperation scope, ISymbol loader) =>
        OwnOperations(scope).OfType<IArgumentOperation>().Any(a => SymbolEqualityComparer.Default.Equals(a.Value.ReferencedSymbol(), loader));

    static IEnumerable<IOperation> OwnOperations(IOperation scope)
    {
        var stack = new Stack<IOperation>();
        stack.Push(scope);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation)) stack.Push(child);
        }
    }
}
