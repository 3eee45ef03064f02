using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>Small IOperation helpers shared by the rules.</summary>
internal static class Operations
{
    /// <summary>The operation under conversions and parentheses.</summary>
    /// <remarks>Dispatches on <see cref="IOperation.Kind"/>: most operations are none of these, and each failed interface type test costs a search.</remarks>
    public static IOperation WalkDown(this IOperation operation)
    {
        while (true)
        {
            switch (operation.Kind)
            {
                case OperationKind.Conversion: operation = ((IConversionOperation)operation).Operand; break;
                case OperationKind.Parenthesized: operation = ((IParenthesizedOperation)operation).Operand; break;
                case OperationKind.TranslatedQuery: operation = ((ITranslatedQueryOperation)operation).Operation; break; // from b in loader select …
                default: return operation;
            }
        }
    }

    /// <summary>The operation and everything under it, parents before children.</summary>
    /// <remarks>
    /// Our own walk rather than Roslyn's <c>DescendantsAndSelf</c>, whose stack of struct enumerators is a generic
    /// instantiation no precompiled image holds: the JIT compiles it in every build that loads the analyzer.
    /// </remarks>
    public static IEnumerable<IOperation> Subtree(this IOperation root)
    {
        var stack = new List<IOperation> { root };
        while (stack.Count > 0)
        {
            var current = stack[stack.Count - 1];
            stack.RemoveAt(stack.Count - 1);
            yield return current;
            int children = stack.Count;
            foreach (var child in current.ChildOperations) stack.Add(child);
            stack.Reverse(children, stack.Count - children); // the first child on top
        }
    }

    /// <summary>The variable an expression stands for: a local, parameter, field or property (of this object).</summary>
    public static ISymbol? ReferencedSymbol(this IOperation? operation) => operation?.WalkDown() switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        // A member of a generic type is one variable for every instantiation: Trainer<TModel>.Train inside, Trainer<Linear>.Train outside.
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.OriginalDefinition, // loaders[i] is no variable
        _ => null,
    };

    /// <summary>Loops between the operation and the member body, innermost first; stops at lambdas and local functions.</summary>
    public static IEnumerable<ILoopOperation> EnclosingLoops(this IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation) yield break;
            if (parent is ILoopOperation loop) yield return loop;
        }
    }

    /// <summary>The root of the operation tree (the member body) the operation belongs to.</summary>
    public static IOperation Root(this IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null) root = root.Parent;
        return root;
    }

    /// <summary>The value a local was declared with (<c>var s = x</c>) or tested from (<c>x is T s</c>, <c>x is { } s</c>), if any.</summary>
    /// <remarks>Goes straight to the declaration through its syntax: no walk over the member body.</remarks>
    public static IOperation? OriginOf(ILocalSymbol local, IOperation at)
    {
        if (at.SemanticModel is not { } model || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not { } declaration)
            return null;
        for (var node = declaration; node is not null; node = node.Parent)
        {
            switch (model.GetOperation(node))
            {
                case IVariableDeclaratorOperation declarator:
                    return declarator.Initializer?.Value;
                case IPatternOperation pattern when pattern is IDeclarationPatternOperation or IRecursivePatternOperation: // x is T s, x is { } s, x is T { P: 1 } s
                    return FindPatternValue(pattern);
                case null:
                    continue; // a designation has no operation of its own; its pattern does
                default:
                    return null;
            }
        }
        return null;
    }

    private static IOperation? FindPatternValue(IPatternOperation pattern)
    {
        for (IOperation? parent = pattern.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IIsPatternOperation isPattern: return isPattern.Value;
                case ISwitchOperation @switch: return @switch.Value;
                case ISwitchExpressionOperation switchExpression: return switchExpression.Value;
                case IPatternOperation or ICaseClauseOperation or ISwitchCaseOperation: continue; // case IEpochAware s:
                case IPropertySubpatternOperation subpattern: return subpattern.Member; // loader is { Sampler: IEpochAware s }: .Sampler of the input
                default: return null;
            }
        }
        return null;
    }

    /// <summary>
    /// The value a property pattern's member is read from: <c>loader</c> for the input of <c>.Sampler</c> in
    /// <c>loader is { Sampler: IEpochAware s }</c> (or a <c>case</c> of a switch on <c>loader</c>); in a nested property
    /// pattern (<c>run is { Loader: { Sampler: … } }</c>, <c>run is { Loader.Sampler: … }</c>), the outer member.
    /// </summary>
    public static IOperation? PatternInput(IInstanceReferenceOperation input)
    {
        // The member read from the input: .Sampler, or in an extended pattern the whole chain .Loader.Sampler.
        IOperation member = input;
        while (member.Parent is IMemberReferenceOperation outer && outer.Instance == member) member = outer;
        return member.Parent is IPropertySubpatternOperation { Parent: IPatternOperation pattern } ? FindPatternValue(pattern)?.WalkDown() : null;
    }

    /// <summary>An expression's text, a member a property pattern reads written as a member access (<c>run.Loader</c>).</summary>
    public static string TextOf(IOperation operation) => operation switch
    {
        IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput } input } member when PatternInput(input) is { } value =>
            TextOf(value) + "." + member.Member.Name,
        // h?.Loader: the member after the ?. is written as .Loader alone.
        IMemberReferenceOperation { Instance: IConditionalAccessInstanceOperation } member when ConditionalReceiver(member) is { } receiver =>
            TextOf(receiver) + "?." + member.Member.Name,
        _ => operation.Syntax.ToString(),
    };

    /// <summary>The call a use of a local function or a stored delegate makes: <c>begin(e)</c>, <c>begin?.Invoke(e)</c>; null when it is handed on.</summary>
    public static IInvocationOperation? CallOf(IOperation use) => use switch
    {
        IInvocationOperation call => call,
        { Parent: IInvocationOperation call } => call,
        { Parent: IConditionalAccessOperation { WhenNotNull: IInvocationOperation call } access } when access.Operation == use => call,
        _ => null,
    };

    /// <summary>What <c>?.</c> was applied to, for an operation in the part after it: <c>loader</c> for <c>.Sampler</c> in <c>loader?.Sampler</c>.</summary>
    public static IOperation? ConditionalReceiver(IOperation operation)
    {
        for (var child = operation; child.Parent is { } parent; child = parent)
            if (parent is IConditionalAccessOperation access && access.WhenNotNull == child) return access.Operation.WalkDown();
        return null;
    }
}
