using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>Whether a value changes from one pass of a loop to the next, and which variable counts the loop's passes.</summary>
internal static class Variation
{
    /// <summary>
    /// Whether <paramref name="value"/> may differ between passes of <paramref name="loop"/>. Only constants, readonly
    /// fields and variables that the loop neither declares nor writes are known not to; other fields, properties and calls may change.
    /// </summary>
    public static bool Varies(this EpochFlow flow, IOperation value, ILoopOperation loop) => Varies(flow, value, loop, 0, members: false);

    /// <summary>
    /// Like <see cref="Varies(EpochFlow, IOperation, ILoopOperation)"/> for a seed: also a field or property of the
    /// user's own code (<c>options.Seed</c>, <c>_seed</c>) is fixed unless the loop writes it. Members of library types
    /// (<c>Environment.TickCount</c>) and calls (<c>Random.Shared.Next()</c>) still count as changing.
    /// </summary>
    public static bool SeedVaries(this EpochFlow flow, IOperation value, ILoopOperation loop) => Varies(flow, value, loop, 0, members: true);

    private static bool Varies(EpochFlow flow, IOperation value, ILoopOperation loop, int depth, bool members)
    {
        if (depth > 6) return true;
        var v = value.WalkDown();
        if (v.ConstantValue.HasValue) return false;
        switch (v)
        {
            case ILocalReferenceOperation local:
                return LocalVaries(flow, local.Local, loop, depth, members);
            case IParameterReferenceOperation parameter:
                return ParameterVaries(flow, parameter, loop, depth, members);
            // models.Length, parts.Count, options.Augmentations.Count: the size of an array or collection held in a variable or a
            // property of the user's, as fixed as that holder (a library member, but not a seed-like value such as Environment.TickCount).
            case IPropertyReferenceOperation { Property: { Name: "Length" or "Count", IsStatic: false, Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 }, Instance: { } sized }
                when members && sized.WalkDown() is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or
                                                    IPropertyReferenceOperation { Property.DeclaringSyntaxReferences.IsEmpty: false }:
                return Varies(flow, sized, loop, depth + 1, members) || IsResizedIn(sized, loop);
            // A process's rank (Dist.Rank, a GetRank() call) is the same on every pass, unless the loop writes it.
            case IPropertyReferenceOperation or IFieldReferenceOperation or IInvocationOperation { Arguments.IsEmpty: true } when Ranks.IsRank(v):
                return v.ReferencedSymbol() is { } rank && flow.WritesOf(rank).Any(w => flow.IsWithin(w, loop));
            // A readonly field (m_nStartEpoch, Defaults.Seed) is written only by constructors: the same on every pass of a
            // loop the constructor does not run, unless its object changes (trainers[i].StartEpoch).
            case IFieldReferenceOperation { Field.IsReadOnly: true } readOnly:
                return flow.WritesOf(readOnly.Field).Any(w => flow.IsWithin(w, loop)) ||
                       readOnly.Instance is { } instance && instance.WalkDown() is not IInstanceReferenceOperation && Varies(flow, instance, loop, depth + 1, members);
            case IFieldReferenceOperation or IPropertyReferenceOperation when members && v.ReferencedSymbol() is { } member && !member.DeclaringSyntaxReferences.IsEmpty:
                return flow.WritesOf(member).Any(w => flow.IsWithin(w, loop)) ||
                       v.ChildOperations.Any(c => c is not IInstanceReferenceOperation && Varies(flow, c, loop, depth + 1, members));
            // Conversions and parentheses are walked through above; an epoch or a seed is no tuple or string.
            case IBinaryOperation or IUnaryOperation or IConditionalOperation or ICoalesceOperation:
                return v.ChildOperations.Any(c => Varies(flow, c, loop, depth + 1, members));
            // options?.Seed: what ?. was applied to, and the member read off it; the receiver inside stands for the former.
            case IConditionalAccessOperation access:
                return Varies(flow, access.Operation, loop, depth + 1, members) || Varies(flow, access.WhenNotNull, loop, depth + 1, members);
            case IConditionalAccessInstanceOperation:
                return false;
            // mode switch { Mode.Fast => 7, _ => options.Seed }: the value switched on, each arm's guard and value.
            case ISwitchExpressionOperation choice:
                return Varies(flow, choice.Value, loop, depth + 1, members) ||
                       choice.Arms.Any(a => a.Guard is { } guard && Varies(flow, guard, loop, depth + 1, members) || Varies(flow, a.Value, loop, depth + 1, members));
            default:
                return true;
        }
    }

    /// <summary>
    /// Whether <paramref name="loop"/> adds to or removes from the collection <paramref name="collection"/> names
    /// (<c>history.Add(loss)</c>), or hands a collection that is not an array to a method that may (<c>Grow(seeds)</c>; not
    /// LINQ, printing or checks): its <c>Count</c> changes from pass to pass although the variable does not.
    /// </summary>
    private static bool IsResizedIn(IOperation collection, ILoopOperation loop)
    {
        var symbol = collection.ReferencedSymbol();
        foreach (var operation in loop.Subtree())
        {
            // losses[epoch] = loss on a dictionary adds a key; on a list or an array it only replaces an element.
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } keyed } } &&
                IsDictionary(keyed.Type) && KnownTypes.Is(Receiver(keyed), symbol))
                return true;
            if (operation is not IInvocationOperation { TargetMethod: var method } call) continue;
            if (IsResizing(method.Name) &&
                Receiver(call.Instance ?? (method.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null)) is { } target &&
                KnownTypes.Is(target, symbol))
                return true;
            // An array keeps its length wherever it goes (Array.Resize takes it by ref: a write of the variable).
            if (collection.Type is not IArrayTypeSymbol && !KnownTypes.OnlyReads(method) &&
                call.Arguments.Any(a => a.Value.WalkDown().ReferencedSymbol() is { } handed && KnownTypes.Is(handed, symbol)))
                return true;
        }
        return false;
    }

    private static bool IsResizing(string name) => name is "Add" or "AddRange" or "Insert" or "InsertRange" or "Remove" or "RemoveAt" or "RemoveAll" or
        "RemoveRange" or "RemoveWhere" or "Clear" or "Enqueue" or "EnqueueRange" or "Dequeue" or "Push" or "PushRange" or "Pop" or "TryAdd" or
        "TryDequeue" or "TryPop" or "TryTake" or "TryRemove" or "GetOrAdd" or "AddOrUpdate" or "AddFirst" or "AddLast" or "AddBefore" or "AddAfter" or
        "RemoveFirst" or "RemoveLast" or "UnionWith" or "ExceptWith" or "IntersectWith" or "SymmetricExceptWith";

    /// <summary>The variable a call or indexer is made on, also after <c>?.</c> (<c>history?.Add(loss)</c>).</summary>
    private static ISymbol? Receiver(IOperation? instance) =>
        instance?.WalkDown() is IConditionalAccessInstanceOperation ? Operations.ConditionalReceiver(instance)?.ReferencedSymbol() : instance?.ReferencedSymbol();

    private static bool IsDictionary(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && (IsDictionaryInterface(named) || named.AllInterfaces.Any(IsDictionaryInterface));

    private static bool IsDictionaryInterface(INamedTypeSymbol type) =>
        type.Name is "IDictionary" && type.ContainingNamespace is { Name: "Generic" or "Collections" };

    private static bool LocalVaries(EpochFlow flow, ILocalSymbol local, ILoopOperation loop, int depth, bool members)
    {
        if (flow.WritesOf(local).Any(w => flow.IsWithin(w, loop) && !IsDeclaration(w, local))) return true;
        // A for loop's own local changes only where the loop writes it: seed in for (int epoch = 0, seed = 42; …; epoch++) is fixed.
        if (loop is IForLoopOperation && loop.Locals.Contains(local, SymbolEqualityComparer.Default)) return false;
        if (loop.Locals.Contains(local, SymbolEqualityComparer.Default) || IsLoopVariable(loop, local)) return true;
        // Declared inside the loop: as variable as what it was declared from.
        if (IsDeclaredIn(local, loop))
        {
            var (values, _) = flow.ValuesOf(local);
            return values.Count == 0 || values.Any(v => Varies(flow, v, loop, depth + 1, members));
        }
        return false;
    }

    private static bool IsDeclaration(IOperation write, ILocalSymbol local) =>
        write is ISimpleAssignmentOperation { Target: IDeclarationExpressionOperation } || write is IDeconstructionAssignmentOperation { Target: IDeclarationExpressionOperation };

    private static bool IsLoopVariable(ILoopOperation loop, ILocalSymbol local) =>
        loop is IForEachLoopOperation forEach && forEach.LoopControlVariable.Subtree().Any(o => o is IVariableDeclaratorOperation d && KnownTypes.Is(d.Symbol, local));

    private static bool IsDeclaredIn(ILocalSymbol local, ILoopOperation loop) =>
        local.DeclaringSyntaxReferences.FirstOrDefault() is { } declaration && declaration.SyntaxTree == loop.Syntax.SyntaxTree && loop.Syntax.Span.Contains(declaration.Span);

    /// <summary>
    /// A local function's or lambda's parameter varies when an argument at one of its calls inside the loop does; across a
    /// loop inside the function itself it is fixed, as a method's parameter is.
    /// </summary>
    private static bool ParameterVaries(EpochFlow flow, IParameterReferenceOperation reference, ILoopOperation loop, int depth, bool members)
    {
        var parameter = reference.Parameter;
        if (flow.WritesOf(parameter).Any(w => flow.IsWithin(w, loop))) return true;
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } function) return false;
        // The loop runs inside the function (Parallel.For(0, k, fold => { for (…epoch…) … })): one call, one value across it.
        if (function.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == loop.Syntax.SyntaxTree && r.Span.Contains(loop.Syntax.Span))) return false;
        var uses = flow.UsesOf(function);
        // A lambda handed to code not in view: its arguments are unknown, unless a static method the loop hands it to
        // with the same arguments on every pass calls it with the same values (Parallel.For(0, members, m => …)).
        if (uses.Count == 0) return !HandedOnTheSameOnEveryPass(flow, reference, function, loop, depth, members);
        bool handedOn = false, calledInLoop = false;
        foreach (var use in uses)
        {
            // Handed on (runner.BeginEpoch(epoch, reshuffle)): whoever calls it gives the parameter, as for a lambda handed on.
            if (Operations.CallOf(use) is not { } call)
            {
                handedOn = true;
                continue;
            }
            if (!flow.IsWithin(call, loop)) continue;
            calledInLoop = true;
            var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
            if (argument is null || Varies(flow, argument.Value, loop, depth + 1, members)) return true;
        }
        // Called in the loop only with values fixed across it, it runs with them whatever else may call it.
        return handedOn && !calledInLoop;
    }

    /// <summary>
    /// Whether the lambda that holds <paramref name="reference"/> is written inside <paramref name="loop"/> and handed to a
    /// static method (<c>Parallel.For(0, members, m =&gt; …)</c>, <c>Parallel.ForEach(parts, p =&gt; …)</c>, an extension
    /// method's receiver included) whose other arguments the loop does not change: each pass makes the same call, which
    /// gives the lambda the same values. A call on an object (<c>runner.Run(e =&gt; …)</c>) may give it anything.
    /// </summary>
    private static bool HandedOnTheSameOnEveryPass(EpochFlow flow, IParameterReferenceOperation reference, IMethodSymbol function, ILoopOperation loop, int depth, bool members)
    {
        IOperation? lambda = reference.Parent;
        while (lambda is not null && !(lambda is IAnonymousFunctionOperation { Symbol: var symbol } && KnownTypes.Is(symbol, function))) lambda = lambda.Parent;
        if (lambda is null || !flow.IsWithin(lambda, loop)) return false;
        var handed = lambda;
        while (handed.Parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation) handed = handed.Parent;
        if (handed.Parent is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsStatic: true, Instance: null } call } own) return false;
        foreach (var argument in call.Arguments)
            if (argument != own && Varies(flow, argument.Value, loop, depth + 1, members)) return false;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="seed"/> reads a parameter named for the current epoch (<c>epoch</c>, <c>currentEpoch</c>,
    /// <c>epochIndex</c>, <c>epoch_idx</c>, any case) of the method it is written in (an ordinary method or an explicit
    /// interface implementation), directly or through a local given one value, which that method does not change: a
    /// factory called once per epoch, whose callers (in other members or files) give the epoch. Not a
    /// constructor's (the loader lives as long as its object), not one the method advances itself (a resume loop's start
    /// epoch); local functions and lambdas are judged at their calls.
    /// </summary>
    public static bool ReadsAnEpochParameter(this EpochFlow flow, IOperation seed) => flow.ReadsAnEpochParameter(seed, 0);

    private static bool ReadsAnEpochParameter(this EpochFlow flow, IOperation seed, int depth)
    {
        foreach (var operation in seed.Subtree())
        {
            if (operation is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol method } parameter } && flow.WritesOf(parameter).Count == 0)
            {
                if (method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation && IsCurrentEpochName(parameter.Name)) return true;
                // A lambda handed to code not in view (Register(epoch => new DataLoader(…, seed: 17 + epoch))): its calls are not
                // seen, so its parameter's name says what it is given, as a method's does.
                // The same for one stored in a local, or a local function, that is only handed on (fit.Run(make), hooks.Fit(ForEpoch)).
                if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction && IsCurrentEpochName(parameter.Name) &&
                    flow.UsesOf(method) is var uses && (uses.Count == 0 && method.MethodKind == MethodKind.AnonymousFunction || uses.Count > 0 && uses.All(u => Operations.CallOf(u) is null)))
                    return true;
                // A local function's or stored lambda's parameter, judged at its calls: each passes a value that reads such a
                // parameter (Build(set, BaseSeed + epoch) inside the factory).
                if (depth < 2 && method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction && flow.EveryCallPassesAnEpoch(method, parameter, depth + 1))
                    return true;
            }
            // int seed = BaseSeed + epoch; … seed: seed — a local given one value, made from the parameter.
            if (depth < 2 && operation is ILocalReferenceOperation { Local: var local } && flow.ValuesOf(local) is { Unknown: false, Values.Count: 1 } values &&
                flow.WritesOf(local).Count <= 1 && flow.ReadsAnEpochParameter(values.Values[0], depth + 1))
                return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="function"/> is called (not handed on), and every call's argument for <paramref name="parameter"/> reads an epoch parameter.</summary>
    private static bool EveryCallPassesAnEpoch(this EpochFlow flow, IMethodSymbol function, IParameterSymbol parameter, int depth)
    {
        var uses = flow.UsesOf(function);
        if (uses.Count == 0) return false;
        foreach (var use in uses)
        {
            if (Operations.CallOf(use) is not { } call ||
                call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal) is not { ArgumentKind: ArgumentKind.Explicit } argument ||
                !flow.ReadsAnEpochParameter(argument.Value, depth))
                return false;
        }
        return true;
    }

    private static bool IsCurrentEpochName(string name)
    {
        // Hungarian prefixes of older code bases: nEpoch, iEpoch, lEpoch.
        if (name.Length > 1 && name[0] is 'n' or 'i' or 'l' && char.IsUpper(name[1])) name = name.Substring(1);
        string n = name.Replace("_", "").ToLowerInvariant();
        return n is "epoch" or "currentepoch" or "curepoch" or "epochindex" or "epochidx" or "epochnumber" or "epochno" or "epochnum";
    }

    /// <summary>
    /// The variable that counts <paramref name="loop"/>'s passes: a <c>for</c> loop's single integer variable, a
    /// <c>foreach</c> over integers, or the one integer local the pass itself advances (<c>epoch++</c>) and sets no other way
    /// (not <c>patience</c>, reset to 0 on an improving epoch). Null when there is none.
    /// </summary>
    public static string? EpochVariable(this EpochFlow flow, ILoopOperation loop)
    {
        var declared = loop.Locals.Where(IsInteger).ToList();
        if (loop is IForLoopOperation && declared.Count == 1) return declared[0].Name;
        if (loop is IForEachLoopOperation forEach && forEach.LoopControlVariable is IVariableDeclaratorOperation { Symbol: var v } && IsInteger(v)) return v.Name;

        var counters = loop.Subtree()
            .Where(o => o.Kind is OperationKind.Increment or OperationKind.CompoundAssignment or OperationKind.SimpleAssignment && IsAdvance(o))
            .Where(o => o.EnclosingLoops().FirstOrDefault() == loop)
            .Select(o => o is IAssignmentOperation assignment ? assignment.Target : ((IIncrementOrDecrementOperation)o).Target)
            .Select(t => t.ReferencedSymbol()).OfType<ILocalSymbol>()
            .Where(l => IsInteger(l) && !IsDeclaredIn(l, loop))
            .Distinct<ILocalSymbol>(SymbolEqualityComparer.Default)
            // A local the pass also sets otherwise (patience = 0 on an improving epoch, patience--) counts something else.
            .Where(l => flow.WritesOf(l).All(w => IsAdvance(w) || !flow.IsWithin(w, loop)))
            .ToList();
        return counters.Count == 1 ? counters[0].Name : null;
    }

    /// <summary><c>epoch++</c>, <c>epoch += 1</c>, or <c>epoch = epoch + 1</c> as older code bases write it.</summary>
    private static bool IsAdvance(IOperation write) =>
        write is IIncrementOrDecrementOperation { Kind: OperationKind.Increment } || write is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } ||
        write is ISimpleAssignmentOperation { Target: var target, Value: var value } && value.WalkDown() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum &&
        target.ReferencedSymbol() is ILocalSymbol counter &&
        (KnownTypes.Is(sum.LeftOperand.ReferencedSymbol(), counter) || KnownTypes.Is(sum.RightOperand.ReferencedSymbol(), counter));

    private static bool IsInteger(ILocalSymbol local) => local.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
}
