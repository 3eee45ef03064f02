using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>
/// The epoch flow of one operation block (a member body or the top-level statements), lambdas and local
/// functions included: where loaders are iterated, what tells them the epoch, and which loops are epoch loops.
/// Built with one walk over the block; the rules are queries over it.
/// </summary>
internal sealed class EpochFlow
{
    private readonly Dictionary<ISymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<IOperation>> _writes = new(SymbolEqualityComparer.Default);
    /// <summary>Variables written where the value is not seen: a <c>ref</c>/<c>out</c> argument, a deconstruction of no tuple literal.</summary>
    private HashSet<ISymbol>? _unseenWrites;
    private readonly Dictionary<ISymbol, List<IOperation>> _functionUses = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IOperation, ISymbol> _delegateLocals = [];
    private readonly Dictionary<ISymbol, ISymbol> _lambdaLocals = new(SymbolEqualityComparer.Default);
    private readonly List<ILoopOperation> _loops = [];
    private readonly HashSet<IOperation> _chainedIntoIterations = [];
    private readonly List<(IInvocationOperation Call, ISymbol Enumerator, List<IOperation> Bodies)> _enumerators = [];
    private List<IOperation>? _yields; // yield return statements: only iterator methods and local functions have any
    private readonly Dictionary<ISymbol, LoaderFacts> _facts = new(SymbolEqualityComparer.Default);
    private HashSet<ILoopOperation>? _epochLoops;
    private HashSet<IOperation>? _iterationLoops;

    public EpochFlow(IOperation root, TreeModel tree)
    {
        Root = root;
        Tree = tree;
        Walk(root, 0);
        IndexStoredLambdaCalls();
        foreach (var (call, enumerator, bodies) in _enumerators)
            bodies.AddRange(_loops.Where(l => l is IWhileLoopOperation { Condition: { } condition } && MovesNext(condition, enumerator)));
        ExpandCollectionEvents();
        MapLocalFunctionParameters();
        // A local that only renames a loader or part (var train = _data.TrainLoader) is that loader.
        for (int i = 0; i < Iterations.Count; i++) Iterations[i] = Iterations[i].WithLoaderSymbol(Canonical(Iterations[i].LoaderSymbol));
        for (int i = 0; i < Events.Count; i++) Events[i] = Events[i].WithSymbol(Canonical(Events[i].Symbol), Events[i].Target);
    }

    /// <summary>
    /// What a local that is only another name stands for: the variable or member it was set from, once; and a property
    /// that only returns a field of its object (<c>Train =&gt; _train</c>), that field.
    /// </summary>
    private ISymbol? Canonical(ISymbol? symbol)
    {
        if (symbol is IPropertySymbol { IsIndexer: false } property && Tree.MemberValues(property) is { Unknown: false, Values: { Count: 1 } getter } &&
            getter[0].WalkDown() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field)
            return field.Field;
        for (int step = 0; step < 4 && symbol is ILocalSymbol local; step++)
        {
            if (!_values.TryGetValue(local, out var values) || values.Count != 1 || _writes.TryGetValue(local, out var writes) && writes.Count > 1) break;
            if (values[0].WalkDown() is not (ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation) ||
                values[0].ReferencedSymbol() is not { } target)
                break;
            symbol = target;
        }
        return symbol;
    }

    public IOperation Root { get; }
    public TreeModel Tree { get; }
    private KnownTypes Types => Tree.Types;
    private AnalyzerSettings Settings => Tree.Settings;

    public List<Iteration> Iterations { get; } = [];
    /// <summary>
    /// <c>foreach</c> loops straight over a parameter typed as a sequence interface or a type parameter
    /// (<c>IEnumerable&lt;Dictionary&lt;string, Tensor&gt;&gt; batches</c>): iterations of a loader wherever a caller hands one.
    /// </summary>
    public List<Iteration> ParameterIterations { get; } = [];
    public List<EpochEvent> Events { get; } = [];

    // ---- The walk ----

    /// <summary>Indexes <paramref name="operation"/> and everything under it, parents before children.</summary>
    /// <remarks>
    /// A recursion, cheaper than an enumerator of descendants, down to a depth that no statement structure reaches; below
    /// it <see cref="Operations.Subtree"/>, which keeps its stack on the heap, so that a deep expression (a long
    /// concatenation) cannot overflow the thread's stack.
    /// </remarks>
    private void Walk(IOperation operation, int depth)
    {
        Index(operation);
        foreach (var child in operation.ChildOperations)
        {
            if (depth < MaxRecursion) Walk(child, depth + 1);
            else foreach (var deep in child.Subtree()) Index(deep);
        }
    }

    private const int MaxRecursion = 64;

    /// <remarks>Dispatches on <see cref="IOperation.Kind"/>: most operations are none of these, and a type test per case costs an interface cast each.</remarks>
    private void Index(IOperation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.Loop:
                _loops.Add((ILoopOperation)operation);
                if (operation is IForEachLoopOperation forEach) IndexForEach(forEach);
                break;
            case OperationKind.VariableDeclarator when operation is IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Add(_values, declarator.Symbol, initializer.Value);
                break;
            case OperationKind.SimpleAssignment when operation is ISimpleAssignmentOperation assignment && assignment.Target.ReferencedSymbol() is { } target:
                Add(_values, target, assignment.Value);
                Add(_writes, target, assignment);
                IndexSetterCall(assignment, target, assignment.Value);
                break;
            case OperationKind.CoalesceAssignment when ((ICoalesceAssignmentOperation)operation).Target.ReferencedSymbol() is { } target: // x ??= new …
                Add(_values, target, ((ICoalesceAssignmentOperation)operation).Value);
                Add(_writes, target, operation);
                IndexSetterCall(operation, target, ((ICoalesceAssignmentOperation)operation).Value);
                break;
            case OperationKind.DeconstructionAssignment:
                var deconstruction = (IDeconstructionAssignmentOperation)operation;
                IndexDeconstruction(deconstruction.Target, deconstruction.Value, deconstruction);
                break;
            case OperationKind.CompoundAssignment when ((ICompoundAssignmentOperation)operation).Target.ReferencedSymbol() is { } target:
                Add(_writes, target, operation);
                IndexSetterCall(operation, target, operation);
                break;
            case OperationKind.Increment or OperationKind.Decrement when ((IIncrementOrDecrementOperation)operation).Target.ReferencedSymbol() is { } target:
                Add(_writes, target, operation);
                IndexSetterCall(operation, target, operation);
                break;
            // The keyword first: a parameter's RefKind is slow to read from metadata, and C# marks every ref and out argument.
            case OperationKind.Argument when operation is IArgumentOperation { Syntax: ArgumentSyntax { RefKindKeyword.RawKind: not 0 }, Parameter.RefKind: RefKind.Ref or RefKind.Out } byRef && byRef.Value.ReferencedSymbol() is { } target:
                Add(_writes, target, byRef);
                (_unseenWrites ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(target);
                break;
            case OperationKind.AnonymousFunction when DelegateLocalOf((IAnonymousFunctionOperation)operation) is { } local:
                var lambda = (IAnonymousFunctionOperation)operation;
                _delegateLocals[lambda] = local;
                _lambdaLocals[lambda.Symbol] = local;
                break;
            case OperationKind.LocalReference when operation is ILocalReferenceOperation { Local.Type.TypeKind: TypeKind.Delegate } reference:
                Add(_functionUses, reference.Local, reference);
                break;
            case OperationKind.PropertyReference or OperationKind.FieldReference:
                IndexBatchSamplerMention(operation);
                break;
            case OperationKind.Invocation:
                IndexInvocation((IInvocationOperation)operation);
                break;
            // bus.Publish(epoch, Reshuffle): a local function handed on as a method group runs where it is handed on, as a
            // stored lambda handed on does (and its parameters get whatever the code it is handed to gives them).
            case OperationKind.MethodReference when operation is IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } group:
                Add(_functionUses, group.Method.OriginalDefinition, operation);
                break;
            // hooks.Add(train.SetEpoch), EpochStarted += train.SetEpoch: a setter handed on as a delegate.
            case OperationKind.MethodReference when operation is IMethodReferenceOperation { Instance: { } instance, Method: var method } &&
                                                    Settings.IsSetterName(method.Name) && KnownTypes.IsEpochSetterShape(method, Settings) && !IsUnsubscribed(operation):
                Events.Add(OnReceiver(operation, instance, null, null));
                break;
            // scheduler.Every(BeginEpoch): a method in view handed on as a delegate sets what it sets on fields and
            // properties whenever it is called, as a setter handed on does.
            case OperationKind.MethodReference when Tree.EventsOf(((IMethodReferenceOperation)operation).Method) is { Count: > 0 } handedOn && !IsUnsubscribed(operation):
                foreach (var e in handedOn)
                    if (e.Symbol is IFieldSymbol or IPropertySymbol) Events.Add(new EpochEvent(operation, e.Target, null, e.Symbol, null, null, delegated: true));
                break;
            // plugin.on_epoch_start(train, epoch) through dynamic: a call not in view, which may set the epoch of a loader it is given.
            case OperationKind.DynamicInvocation or OperationKind.DynamicObjectCreation:
                foreach (var argument in operation is IDynamicInvocationOperation call ? call.Arguments : ((IDynamicObjectCreationOperation)operation).Arguments)
                    if (IsLoader(argument) && argument.WalkDown() is var value)
                        Events.Add(new EpochEvent(operation, EpochTarget.WholeLoader, value, value.ReferencedSymbol(), null, null, handedOn: true));
                break;
            case OperationKind.ObjectCreation when operation is IObjectCreationOperation { Constructor: { } constructor } creation && HasLoaderArgument(creation):
                IndexCall(creation, constructor, creation.Arguments);
                break;
            case OperationKind.YieldReturn:
                (_yields ??= []).Add(operation);
                break;
        }
    }

    /// <summary>A method group taken off an event or a delegate (<c>EpochStarted -= train.SetEpoch</c>): it sets nothing.</summary>
    private static bool IsUnsubscribed(IOperation reference)
    {
        var value = AsHandedOn(reference);
        return value.Parent switch
        {
            IEventAssignmentOperation { Adds: false } => true,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Subtract } subtraction => subtraction.Value == value,
            // hooks.Remove(train.SetEpoch), Delegate.Remove(hooks, (Action<int>)train.SetEpoch)
            IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Remove" or "RemoveAll" } } => true,
            _ => false,
        };
    }

    /// <summary>
    /// A call inside a lambda subscribed to an event or added to a delegate (<c>EpochStarting += (_, e) =&gt; …</c>), or
    /// handed on as an argument or put in an array or collection expression with its own parameter as the epoch
    /// (<c>hooks.Add(epoch =&gt; Epochs.SetEpoch(train, epoch))</c>, <c>[e =&gt; train.SetEpoch(e)]</c>: whoever calls it gives the epoch).
    /// </summary>
    private static bool InSubscribedHandler(IInvocationOperation call)
    {
        for (var parent = call.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is not IAnonymousFunctionOperation lambda) continue;
            var value = AsHandedOn(lambda);
            while (value.Parent is ITupleOperation tuple) value = AsHandedOn(tuple); // [("reshuffle", e => …)]
            return value.Parent switch
            {
                IEventAssignmentOperation { Adds: true } => true,
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } addition => addition.Value == value,
                _ => IsKeptForOthers(value) && call.Arguments.Any(a => ReadsParameterOf(a.Value, lambda)),
            };
        }
        return false;
    }

    /// <summary>
    /// A lambda kept for someone else to call: an argument, an element of a list of hooks (<c>new Action&lt;int&gt;[] { e =&gt; … }</c>;
    /// <c>[e =&gt; …]</c>, read by its syntax), or a member of an object or a dictionary (<c>new Callbacks { OnEpochStart = e =&gt; … }</c>,
    /// <c>{ ["reshuffle"] = e =&gt; … }</c>). A local's lambda is followed to its calls instead.
    /// </summary>
    private static bool IsKeptForOthers(IOperation value) => value.Parent switch
    {
        IArgumentOperation or IArrayInitializerOperation => true,
        ISimpleAssignmentOperation { Target: not ILocalReferenceOperation } assignment => assignment.Value == value,
        _ => value.Syntax.Parent is ExpressionElementSyntax { Parent: CollectionExpressionSyntax },
    };

    /// <summary>A value read from the lambda's own parameter (<c>e</c>, <c>msg.Epoch</c>, <c>e - 1</c>): from what its caller gives.</summary>
    private static bool ReadsParameterOf(IOperation value, IAnonymousFunctionOperation lambda)
    {
        foreach (var operation in value.Subtree())
            if (operation is IParameterReferenceOperation p && KnownTypes.Is(p.Parameter.ContainingSymbol, lambda.Symbol)) return true;
        return false;
    }

    /// <summary>A method group or lambda as the value handed on: with its delegate creation and conversions.</summary>
    private static IOperation AsHandedOn(IOperation function)
    {
        var value = function.Parent is IDelegateCreationOperation creation ? creation : function;
        while (value.Parent is IConversionOperation conversion) value = conversion;
        return value;
    }

    private bool HasLoaderArgument(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
            // A constructor in view is read only when it is given a loader; one not in view keeps what a function's parameter holds too.
            if (IsLoader(argument.Value) || HandedParameter(argument.Value) is not null && Tree.EventsOf(creation.Constructor!) is null) return true;
        return false;
    }

    /// <summary>Whether a value (under its conversions) is a loader of some kind.</summary>
    private bool IsLoader(IOperation value) => Types.KindOf(value.WalkDown().Type, Settings) != LoaderKind.None;

    /// <summary>The parameter <paramref name="collection"/> reads when its type could be a loader's without being one: an interface or a type parameter.</summary>
    public static IParameterSymbol? SequenceParameterOf(IOperation collection) =>
        collection is IParameterReferenceOperation { Parameter: { Type.TypeKind: TypeKind.Interface or TypeKind.TypeParameter } parameter } ? parameter : null;

    private static void Add(Dictionary<ISymbol, List<IOperation>> map, ISymbol key, IOperation value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    private void IndexDeconstruction(IOperation target, IOperation value, IOperation write)
    {
        target = target is IDeclarationExpressionOperation declaration ? declaration.Expression : target;
        if (target is ITupleOperation targets)
        {
            var values = value.WalkDown() as ITupleOperation;
            for (int i = 0; i < targets.Elements.Length; i++)
            {
                if (values is not null && i < values.Elements.Length) IndexDeconstruction(targets.Elements[i], values.Elements[i], write);
                else if (targets.Elements[i].ReferencedSymbol() is { } symbol)
                {
                    Add(_writes, symbol, write);
                    (_unseenWrites ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(symbol);
                    IndexSetterCall(write, symbol, write);
                }
            }
        }
        else if (target.ReferencedSymbol() is { } symbol)
        {
            Add(_values, symbol, value);
            Add(_writes, symbol, write);
            IndexSetterCall(write, symbol, value);
        }
    }

    /// <summary>The local a lambda is stored in (<c>Action&lt;int&gt; prepare = e =&gt; …</c>), whose uses are its call sites.</summary>
    private static ISymbol? DelegateLocalOf(IAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation) parent = parent.Parent;
        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            _ => null,
        };
    }

    private void IndexForEach(IForEachLoopOperation loop)
    {
        var chain = new HashSet<IOperation>();
        var loader = LoaderOfCollection(loop.Collection, chain);
        if (loader is null)
        {
            var collection = loop.Collection.WalkDown();
            if (SequenceParameterOf(collection) is { } parameter)
                ParameterIterations.Add(new Iteration(loop, collection, parameter, loop.Collection.Syntax.GetLocation(), [loop.Body]));
            // A chain over something else may still draw from a loader: foreach (var (i, b) in Enumerable.Range(0, n).Zip(train)).
            if (chain.Count == 0) return;
        }
        _chainedIntoIterations.UnionWith(chain);
        // The body runs during the iteration, and so do the lambdas of a LINQ chain (loader.Select(b => …)).
        var bodies = new List<IOperation> { loop.Body };
        bodies.AddRange(chain.OfType<IInvocationOperation>().SelectMany(Lambdas));
        if (loader is not null) Iterations.Add(new Iteration(loop, loader, loader.ReferencedSymbol(), loop.Collection.Syntax.GetLocation(), bodies));
        // Other sequences the chain draws from: foreach (var (a, b) in first.Zip(second)).
        foreach (var call in chain.OfType<IInvocationOperation>().Where(c => IsEnumerableMethod(c.TargetMethod)))
            foreach (var other in call.Arguments.Skip(1).Where(IsSequenceArgument).Select(a => a.Value.WalkDown()))
                Iterations.Add(new Iteration(call, other, other.ReferencedSymbol(), other.Syntax.GetLocation(), bodies));
    }

    /// <summary>A loader passed where a LINQ method takes a sequence (not an element: <c>loaders.Append(train)</c>).</summary>
    private bool IsSequenceArgument(IArgumentOperation argument) =>
        argument.Parameter?.Type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T && IsLoader(argument.Value);

    private static IEnumerable<IOperation> Lambdas(IInvocationOperation call) =>
        call.Arguments.Select(a => a.Value.WalkDown()).Where(v => v is IDelegateCreationOperation or IAnonymousFunctionOperation);

    /// <summary>The loader a foreach or LINQ chain runs through: <c>loader</c>, <c>loader.IterateFrom(n)</c>, <c>loader.Skip(1).Take(5)</c>.</summary>
    private IOperation? LoaderOfCollection(IOperation collection, HashSet<IOperation>? chain)
    {
        var current = collection.WalkDown();
        for (int depth = 0; depth < 8; depth++)
        {
            if (current is IInvocationOperation { TargetMethod.Name: "IterateFrom", Instance: { } owner } resume)
            {
                chain?.Add(resume);
                current = owner.WalkDown();
            }
            else if (current is IInvocationOperation { Arguments.Length: > 0 } linq && IsEnumerableMethod(linq.TargetMethod))
            {
                chain?.Add(linq);
                current = linq.Arguments[0].Value.WalkDown();
            }
            else break;
        }
        return Types.KindOf(current.Type, Settings) != LoaderKind.None ? current : null;
    }

    private bool IsEnumerableMethod(IMethodSymbol method) => KnownTypes.IsEnumerable(method.ContainingType);

    /// <summary><c>is null</c> or <c>is not null</c>: a test that says nothing of the value's type.</summary>
    private static bool IsNullTest(IPatternOperation pattern) =>
        (pattern is INegatedPatternOperation { Pattern: var negated } ? negated : pattern) is IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } };

    /// <summary>
    /// <c>loader.BatchSampler</c> handed on where its epoch may get set: to a method not in view, into a collection, or
    /// tested against a type (setter calls through a pattern variable are events of their own). Reading its
    /// <c>Count</c> or its type's name is not handling it.
    /// </summary>
    private void IndexBatchSamplerMention(IOperation reference)
    {
        if (!IsPart(reference, KnownTypes.BatchSamplerNames, out var owner)) return;
        var parent = reference.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation) parent = parent.Parent;
        // An element of a params array is an argument of the call (Trace.TraceInformation("{0}", loader.BatchSampler)).
        if (parent is IArrayInitializerOperation { Parent: IArrayCreationOperation { IsImplicit: true, Parent: IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray } paramArray } })
            parent = paramArray;
        // A local function is in view: what it does with the batch sampler is in this flow (MapLocalFunctionParameters).
        // Not to LINQ (loader.BatchSampler.Sum(…) reads it) nor to .NET's printing and checks (Console.WriteLine(loader.BatchSampler)),
        // as for the loader itself (HandOn); nor a null test (loader.BatchSampler is not null).
        bool handedOn = parent is IArgumentOperation { Parent: IInvocationOperation call } && call.TargetMethod.MethodKind != MethodKind.LocalFunction &&
                        !KnownTypes.OnlyReads(call.TargetMethod) && Tree.EventsOf(call.TargetMethod) is null ||
                        parent is IDynamicInvocationOperation or IDynamicObjectCreationOperation ||
                        parent is IIsPatternOperation { Pattern: var pattern } && !IsNullTest(pattern) ||
                        parent is IArrayInitializerOperation or IIsTypeOperation or ISwitchOperation or ISwitchExpressionOperation ||
                        reference.Syntax.Parent.IsKind(SyntaxKind.ExpressionElement);
        if (!handedOn) return;
        var mention = new EpochEvent(reference, EpochTarget.BatchSampler, owner, owner.ReferencedSymbol(), null, null, handedOn: true);
        // So is a lambda stored in a local (describe(loader.BatchSampler)), once the walk has seen every value of the local.
        if (parent is IArgumentOperation { Parent: IInvocationOperation invoke } && StoredDelegateOf(invoke) is { } stored) (_storedLambdaCalls ??= []).Add((stored, null, mention));
        else Events.Add(mention);
    }

    /// <summary>
    /// Calls of a delegate held in a local (<c>describe(loader.BatchSampler)</c>, <c>log(train)</c>), and the batch sampler
    /// mentions among their arguments: read after the walk, as calls not in view unless every value of the local is a
    /// lambda of this member, which is in view (what it does to its parameters is mapped to the call's arguments).
    /// </summary>
    private List<(ILocalSymbol Local, IInvocationOperation? Call, EpochEvent? Mention)>? _storedLambdaCalls;

    /// <summary>The local a delegate call goes through (<c>describe(x)</c>, <c>describe.Invoke(x)</c>, <c>describe?.Invoke(x)</c>).</summary>
    private static ILocalSymbol? StoredDelegateOf(IInvocationOperation call)
    {
        if (call.TargetMethod.MethodKind != MethodKind.DelegateInvoke || call.Instance?.WalkDown() is not { } instance) return null;
        if (instance is IConditionalAccessInstanceOperation) instance = Operations.ConditionalReceiver(call);
        return (instance as ILocalReferenceOperation)?.Local;
    }

    private void IndexStoredLambdaCalls()
    {
        if (_storedLambdaCalls is null) return;
        foreach (var (local, call, mention) in _storedLambdaCalls)
        {
            if (HoldsOnlyLambdas(local)) continue;
            if (mention is not null) Events.Add(mention);
            if (call is not null) IndexCall(call, call.TargetMethod, call.Arguments);
        }
    }

    /// <summary>Whether every value a local is given in this member is a lambda written here (<c>Action&lt;IBatchSampler&gt; describe = b =&gt; …</c>).</summary>
    private bool HoldsOnlyLambdas(ILocalSymbol local)
    {
        if (!_values.TryGetValue(local, out var values)) return false;
        foreach (var value in values)
            if (value.WalkDown() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } || !_delegateLocals.ContainsKey(lambda)) return false;
        foreach (var write in WritesOf(local))
            if (write is not (ISimpleAssignmentOperation or ICoalesceAssignmentOperation)) return false; // a ref or out argument, a deconstruction
        return true;
    }

    /// <remarks>
    /// Tests the method's name before its containing type or kind: most calls in a training loop are TorchSharp's tensor
    /// methods, which no name here matches.
    /// </remarks>
    private void IndexInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;
        bool localFunction = method.MethodKind == MethodKind.LocalFunction;
        if (localFunction)
            Add(_functionUses, method.OriginalDefinition, invocation);

        // Iterations that are not a foreach: loader.GetEnumerator(), LINQ straight over the loader.
        if (name == "GetEnumerator" && invocation.Arguments.IsEmpty && invocation.Instance is { } owner)
        {
            var chain = new HashSet<IOperation>();
            if (LoaderOfCollection(owner, chain) is { } enumerated)
            {
                // The LINQ chain under it (loader.Skip(n).GetEnumerator()) is part of this iteration, not one of its own.
                _chainedIntoIterations.UnionWith(chain);
                var bodies = new List<IOperation>();
                if (EnumeratorLocal(invocation) is { } local) _enumerators.Add((invocation, local, bodies));
                Iterations.Add(new Iteration(invocation, enumerated, enumerated.ReferencedSymbol(), invocation.Syntax.GetLocation(), bodies));
                return;
            }
        }
        if (KnownTypes.IsEnumerableMethodName(name) && IsEnumerableMethod(method))
        {
            // loader.Take(n), loader.Select(b => …) (the lambda runs during the iteration), first.Zip(second), a.Concat(b).
            if (_chainedIntoIterations.Contains(invocation)) return;
            var lambdas = Lambdas(invocation).ToList();
            for (int i = 0; i < invocation.Arguments.Length; i++)
            {
                var source = invocation.Arguments[i].Value.WalkDown();
                if (!IsSequenceArgument(invocation.Arguments[i])) continue;
                var location = i == 0 ? invocation.Syntax.GetLocation() : source.Syntax.GetLocation();
                Iterations.Add(new Iteration(invocation, source, source.ReferencedSymbol(), location, i == 0 ? lambdas : []));
            }
            return;
        }
        if (Settings.IsSetterName(name) && ClassifySetter(invocation) is { } setter)
        {
            Events.Add(InSubscribedHandler(invocation) ? setter.AsDelegated() : setter);
            return;
        }
        if (localFunction) return;
        if (StoredDelegateOf(invocation) is { } stored)
        {
            (_storedLambdaCalls ??= []).Add((stored, invocation, null));
            return;
        }
        IndexCall(invocation, method, invocation.Arguments);
    }

    /// <summary>
    /// A call of a method or constructor: one in view contributes what it sets, its parameters read as this call's
    /// arguments; a loader handed to one not in view may get its epoch set there. For a property's setter,
    /// <paramref name="assigned"/> is what its <c>value</c> receives.
    /// </summary>
    private void IndexCall(IOperation call, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, IOperation? assigned = null)
    {
        if (Tree.EventsOf(method) is { } callee)
        {
            // A helper called by a lambda subscribed to an event (EpochBegan += (_, e) => BeginEpoch(e.Epoch)) sets what it sets
            // whenever the event is raised, as a setter called there does.
            bool subscribed = callee.Count > 0 && call is IInvocationOperation invocation && InSubscribedHandler(invocation);
            foreach (var e in callee)
            {
                if (e.Symbol is not IParameterSymbol parameter)
                {
                    Events.Add(new EpochEvent(e.IsDelegated ? e.Site : call, e.Target, null, e.Symbol, null, null, e.IsDelegated || subscribed, e.IsHandedOn));
                    if (e.Symbol is { } held)
                        foreach (var given in GivenAtCreation(call, method, held)) MapArgument(call, e, given);
                    continue;
                }
                if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } && method.MethodKind != MethodKind.Constructor)
                {
                    foreach (var given in GivenAtCreation(call, method, parameter)) MapArgument(call, e, given); // a captured primary-constructor parameter
                }
                else if (TreeModel.IsReceiverOf(parameter, method))
                {
                    if (call is IInvocationOperation { Instance: { } receiver }) MapArgument(call, e, receiver);
                }
                else if (assigned is not null) MapArgument(call, e, assigned);
                else if (ArgumentFor(arguments, parameter.Ordinal) is { } argument) MapArgument(call, e, argument.Value);
            }
            foreach (var iteration in Tree.IterationsOf(method)) MapIteration(call, method, arguments, iteration, Tree.HandsOnBatches(iteration));
            return;
        }
        foreach (var argument in arguments)
        {
            // Fire("epoch_start", train, epoch) with params object[]: the loader is an element of the array the call makes;
            // with params ReadOnlySpan<object> (a kind newer than the compiler we build against), of the collection it makes.
            switch (argument)
            {
                case { ArgumentKind: ArgumentKind.ParamArray, Value: IArrayCreationOperation { Initializer: { } elements } }:
                    foreach (var element in elements.ElementValues)
                        if (!HandOn(call, method, element)) return;
                    break;
                case { ArgumentKind: not (ArgumentKind.Explicit or ArgumentKind.DefaultValue or ArgumentKind.ParamArray) }:
                    foreach (var element in argument.Value.ChildOperations)
                        if (!HandOn(call, method, element)) return;
                    break;
                default:
                    if (!HandOn(call, method, argument.Value)) return;
                    break;
            }
        }
    }

    /// <summary>
    /// What the receiver's creation in view gave the constructor parameter that <paramref name="member"/> holds: with
    /// <c>var hooks = new Hooks(train);</c> and <c>Hooks(EpochDataLoader loader) =&gt; _loader = loader;</c> (or a primary
    /// constructor's <c>loader</c>, captured or assigned to a field), <c>hooks.OnEpochStart(epoch)</c> setting
    /// <c>_loader</c> sets <c>train</c>. The receiver is a creation, a local declared with one, or a field or property
    /// assigned creations in view.
    /// </summary>
    private IEnumerable<IOperation> GivenAtCreation(IOperation call, IMethodSymbol method, ISymbol member)
    {
        if (ReceiverOf(call) is not { } instance || method.IsStatic || member.IsStatic) yield break;
        var creations = instance is IObjectCreationOperation ? [instance] : instance.ReferencedSymbol() switch
        {
            ILocalSymbol local when Operations.OriginOf(local, instance) is { } origin => [origin],
            { Kind: SymbolKind.Field or SymbolKind.Property } held => Tree.MemberValues(held).Values,
            _ => (IReadOnlyList<IOperation>)[],
        };
        foreach (var creation in creations)
        {
            if (creation.WalkDown() is not IObjectCreationOperation { Constructor: { } constructor } made || !IsOrDerives(constructor.ContainingType, method.ContainingType)) continue;
            var parameters = member is IParameterSymbol captured ? [captured]
                : Tree.MemberValues(member).Values.Select(v => Guarded(v.WalkDown())).OfType<IParameterReferenceOperation>().Select(r => r.Parameter);
            foreach (var parameter in parameters)
                if (GivenTo(constructor, parameter, 0) is { } given && ArgumentFor(made.Arguments, given.Ordinal) is { } argument)
                    yield return argument.Value;
        }
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="ancestor"/> or derives from it (generic types by their definitions).</summary>
    private static bool IsOrDerives(INamedTypeSymbol? type, INamedTypeSymbol? ancestor)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (KnownTypes.Is(current.OriginalDefinition, ancestor?.OriginalDefinition)) return true;
        return false;
    }

    /// <summary>
    /// The parameter of <paramref name="constructor"/> whose argument reaches <paramref name="parameter"/> (of it, or of a
    /// constructor it calls in view through <c>: this(…)</c> or <c>: base(…)</c>, a parameter passed on unchanged).
    /// </summary>
    private IParameterSymbol? GivenTo(IMethodSymbol constructor, IParameterSymbol parameter, int depth)
    {
        if (KnownTypes.Is(parameter.ContainingSymbol.OriginalDefinition, constructor.OriginalDefinition)) return parameter;
        if (depth >= 8) return null;
        foreach (var reference in constructor.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != Tree.Model.SyntaxTree) continue;
            SyntaxNode? initializer = reference.GetSyntax(Tree.CancellationToken) switch
            {
                ConstructorDeclarationSyntax declaration => declaration.Initializer,
                TypeDeclarationSyntax type => type.BaseList?.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault(),
                _ => null,
            };
            if (initializer is null || Tree.Model.GetOperation(initializer, Tree.CancellationToken)?.Subtree().OfType<IInvocationOperation>().FirstOrDefault() is not { } call ||
                GivenTo(call.TargetMethod, parameter, depth + 1) is not { } passed || ArgumentFor(call.Arguments, passed.Ordinal) is not { } argument)
                continue;
            if (argument.Value.WalkDown() is IParameterReferenceOperation own && KnownTypes.Is(own.Parameter.ContainingSymbol.OriginalDefinition, constructor.OriginalDefinition))
                return own.Parameter;
        }
        return null;
    }

    /// <summary>
    /// The object a call or a property write is made on: <c>hooks</c> in <c>hooks.OnEpochStart(e)</c> or
    /// <c>hooks.Epoch = e</c>, the creation for a member set in its object initializer (<c>new Scope(train) { Epoch = e }</c>).
    /// </summary>
    private static IOperation? ReceiverOf(IOperation call)
    {
        var instance = call switch
        {
            IInvocationOperation invocation => invocation.Instance,
            IAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Instance, // =, +=, ??=
            IIncrementOrDecrementOperation { Target: IPropertyReferenceOperation property } => property.Instance,
            _ => null,
        };
        if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
                if (parent is IObjectCreationOperation creation) return creation;
        return instance?.WalkDown();
    }

    /// <summary>A value stored behind a null check (<c>loader ?? throw new ArgumentNullException(…)</c>): the value.</summary>
    private static IOperation Guarded(IOperation value) =>
        value is ICoalesceOperation { WhenNull: var whenNull } coalesce && whenNull.WalkDown() is IThrowOperation ? coalesce.Value.WalkDown() : value;

    /// <summary>A write to a property whose <c>set</c> accessor is in view (<c>hooks.Epoch = epoch</c>, <c>Epoch++</c>) is a call of it.</summary>
    private void IndexSetterCall(IOperation write, ISymbol target, IOperation assigned)
    {
        if (target is IPropertySymbol { SetMethod: { DeclaringSyntaxReferences.IsEmpty: false } setter })
            IndexCall(write, setter, ImmutableArray<IArgumentOperation>.Empty, assigned);
    }

    /// <summary>Adds <paramref name="value"/> handed to a call not in view when it is a loader; false for a LINQ method, which keeps none.</summary>
    private bool HandOn(IOperation call, IMethodSymbol method, IOperation value)
    {
        bool loader = IsLoader(value);
        var parameter = loader ? null : HandedParameter(value);
        if (!loader && parameter is null) return true;
        // Enumerable's other methods (Repeat, TryGetNonEnumeratedCount) neither set an epoch nor keep the loader, nor do
        // .NET's printing and checks (Console.WriteLine(train), ArgumentNullException.ThrowIfNull(train)).
        if (KnownTypes.OnlyReads(method)) return false;
        value = value.WalkDown();
        Events.Add(loader ? new EpochEvent(call, EpochTarget.WholeLoader, value, value.ReferencedSymbol(), null, null, handedOn: true)
                          : new EpochEvent(call, EpochTarget.Object, null, parameter, null, null, handedOn: true));
        return true;
    }

    /// <summary>
    /// A parameter of a local function or stored lambda, not typed as a loader, that may receive a loader or a batch sampler
    /// (<c>(topic, payload) =&gt; bus.Publish(topic, payload)</c>, <c>(batches, epoch) =&gt; hooks.OnEpochStart(batches, epoch)</c>):
    /// handed to code not in view, it is handed on, and so is what a call of the function gives it (MapLocalFunctionParameters).
    /// Of a method, only a parameter whose type does not say what it holds: <c>object</c>, <c>dynamic</c>, a type parameter,
    /// a sequence of other than numbers and strings (<c>void Register(object plugin) =&gt; registry.Attach(plugin)</c>): its
    /// callers' arguments are handed on. Not a constructor's (a primary constructor's labels handed to the batch sampler
    /// it builds are part of that sampler, not a loader handed on).
    /// </summary>
    private IParameterSymbol? HandedParameter(IOperation value) =>
        value.WalkDown() is IParameterReferenceOperation { Parameter: { Type: { IsValueType: false, SpecialType: not SpecialType.System_String } type } parameter } &&
        parameter.ContainingSymbol is IMethodSymbol function &&
        (IsFunctionInView(function) || function.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation && MayHoldALoader(type))
            ? parameter : null;

    private static bool MayHoldALoader(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Object or SpecialType.System_Collections_IEnumerable || type.TypeKind is TypeKind.Dynamic or TypeKind.TypeParameter ||
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T, TypeArguments: var elements } && elements[0].SpecialType == SpecialType.None;

    /// <summary>
    /// An event of a callee on its parameter, read as the caller's argument: <c>train</c>, <c>train.BatchSampler</c>
    /// (that part of <c>train</c>), or an expression made of variables (<c>new[] { a, b }</c>: each of them).
    /// </summary>
    private void MapArgument(IOperation call, EpochEvent e, IOperation value)
    {
        value = value.WalkDown();
        var site = e.IsDelegated ? e.Site : call; // a setter the callee hands on counts on every pass, as it would here
        if (IsPart(value, KnownTypes.BatchSamplerNames, out var owner) || IsPart(value, KnownTypes.SamplerNames, out owner))
        {
            var part = KnownTypes.BatchSamplerNames.Contains(((IMemberReferenceOperation)value).Member.Name) ? EpochTarget.BatchSampler : EpochTarget.Sampler;
            Events.Add(new EpochEvent(site, part, owner, owner.ReferencedSymbol(), null, null, e.IsDelegated, e.IsHandedOn));
            return;
        }
        var symbols = value.ReferencedSymbol() is { } direct ? [direct] : SymbolsIn(value, 1).ToList();
        foreach (var symbol in symbols)
        {
            var target = e.Target == EpochTarget.Object && Types.KindOf(TypeOf(symbol), Settings) != LoaderKind.None ? EpochTarget.WholeLoader : e.Target;
            Events.Add(new EpochEvent(site, target, null, symbol, null, null, e.IsDelegated, e.IsHandedOn));
        }
    }

    /// <summary>
    /// A loader that a method in view iterates once per call, iterated here at the call: the argument for its parameter
    /// (<c>TrainOneEpoch(model, train)</c>), or its field when the call is on this object or static (<c>RunEpoch()</c>).
    /// When the method hands the batches on (<paramref name="handsOn"/>: an iterator that wraps the loader), the body of a
    /// <c>foreach</c> over the call runs during the iteration too; over an ordinary method's result
    /// (<c>foreach (var epoch in EpochsToRun(train, …))</c>, which peeks at a batch and returns numbers) it does not.
    /// </summary>
    private void MapIteration(IOperation call, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Iteration iteration, bool handsOn)
    {
        if (iteration.LoaderSymbol is IParameterSymbol parameter)
        {
            var value = TreeModel.IsReceiverOf(parameter, method) ? (call as IInvocationOperation)?.Instance : ArgumentFor(arguments, parameter.Ordinal)?.Value;
            if (value is not null && LoaderHandedAsSequence(value) is { } loader && loader.ReferencedSymbol() is { } symbol)
                Iterations.Add(new Iteration(call, loader, symbol, loader.Syntax.GetLocation(), handsOn ? BodyOfForEachOver(call) : [], throughCall: true));
        }
        // The field is named as the callee names it, so only where that name means the same field: in its type or one derived.
        else if (call is IInvocationOperation { Instance: null or IInstanceReferenceOperation } && iteration.LoaderSymbol?.ContainingType is { } owner &&
                 InTypeOrDerived(call, owner))
        {
            Iterations.Add(new Iteration(call, iteration.Loader, iteration.LoaderSymbol, call.Syntax.GetLocation(), handsOn ? BodyOfForEachOver(call) : [], throughCall: true));
        }
    }

    /// <summary>
    /// The loader an argument runs through when the callee iterates it: <c>train</c>, <c>train.IterateFrom(n)</c>, or a
    /// chain of LINQ over that (<c>train.IterateFrom(n).Take(m)</c>). None for LINQ straight on a loader
    /// (<c>Train(train.Skip(n))</c>): that call is an iteration of its own, found where it is written.
    /// </summary>
    private IOperation? LoaderHandedAsSequence(IOperation value)
    {
        if (IsLoader(value)) return value.WalkDown();
        if (value.WalkDown() is not IInvocationOperation) return null;
        var chain = new HashSet<IOperation>();
        return LoaderOfCollection(value, chain) is { } loader &&
               !chain.Any(c => c is IInvocationOperation { Arguments.Length: > 0 } linq && IsEnumerableMethod(linq.TargetMethod) && linq.Arguments[0].Value.WalkDown() == loader)
            ? loader
            : null;
    }

    /// <summary>
    /// Whether this block hands the batches of <paramref name="iteration"/> on to whoever enumerates its result: a
    /// <c>yield return</c> that runs during it (in its <c>foreach</c> body or <c>while (e.MoveNext())</c> loop: an iterator
    /// that wraps the loader), or a lazy LINQ call on the loader that it returns (<c>=&gt; loader.Select(…)</c>). Not an
    /// ordinary method that peeks at the loader (<c>loader.First()</c>) and returns something else.
    /// </summary>
    public bool HandsOnBatches(Iteration iteration)
    {
        if (iteration.Site is IInvocationOperation call && IsEnumerableMethod(call.TargetMethod))
            return IsReturnedLazily(call);
        if (_yields is null || iteration.Bodies.Count == 0) return false;
        foreach (var yield in _yields)
            for (var parent = yield; parent is not null and not ILocalFunctionOperation; parent = parent.Parent)
                if (iteration.Bodies.Contains(parent)) return true;
        return false;
    }

    /// <summary>
    /// Whether a lazy LINQ call on the loader reaches the block's result unenumerated: returned itself
    /// (<c>=&gt; loader.Select(…)</c>), as the source of a chain of lazy pass-through calls that is returned
    /// (<c>=&gt; loader.Skip(n).Take(m)</c>), or through a local that holds only that value and is returned
    /// (<c>var batches = loader.Where(…); return batches;</c>). Not <c>loader.ToList().Skip(1)</c>, enumerated in the block.
    /// </summary>
    private bool IsReturnedLazily(IInvocationOperation call)
    {
        IOperation sequence = call;
        for (int depth = 0; depth < 8; depth++)
        {
            if (sequence is not IInvocationOperation { TargetMethod.ReturnType: INamedTypeSymbol { TypeKind: TypeKind.Interface, Name: "IEnumerable" or "IOrderedEnumerable" } }) return false;
            var parent = sequence.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation) parent = parent.Parent;
            switch (parent)
            {
                case IReturnOperation { Kind: OperationKind.Return }:
                    return true;
                // loader.Skip(n).Take(m): the sequence as the source of the next pass-through call of the chain.
                case IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation outer } when KnownTypes.PassesSequenceOn(outer.TargetMethod):
                    sequence = outer;
                    continue;
                // var batches = loader.Where(…); return batches; (its one value, returned in the same block: directly, or under
                // an if, a try or a using of it, but not by a lambda or local function written there).
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } declarator }:
                    return WritesOf(local).Count == 0 && ValuesOf(local).Values.Count == 1 &&
                           declarator.Parent?.Parent?.Parent is IBlockOperation block &&
                           block.Subtree().Any(o => o is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value } && value.WalkDown() is ILocalReferenceOperation returned &&
                                                    KnownTypes.Is(returned.Local, local) && !InFunctionUnder(o, block));
            }
            return false;
        }
        return false;
    }

    /// <summary>Whether <paramref name="operation"/> is inside a lambda or local function written under <paramref name="block"/>.</summary>
    private static bool InFunctionUnder(IOperation operation, IOperation block)
    {
        for (var parent = operation.Parent; parent is not null && parent != block; parent = parent.Parent)
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation) return true;
        return false;
    }

    private bool InTypeOrDerived(IOperation operation, INamedTypeSymbol owner) =>
        IsOrDerives(Tree.Model.GetEnclosingSymbol(operation.Syntax.SpanStart, Tree.CancellationToken)?.ContainingType, owner);

    /// <summary>
    /// What local functions and lambdas stored in a local do to their parameters, read at each call as the caller's
    /// arguments (both are in view: <c>reset(loader.BatchSampler, epoch)</c> sets what the lambda sets of its parameter); and
    /// local functions' iterations of a parameter outside every loop and lambda of their own, iterations of the argument at
    /// each call, as for a method in view (a top-level program's <c>void Train(Model m, EpochDataLoader loader, …)</c>, or
    /// <c>IEnumerable&lt;Dictionary&lt;string, Tensor&gt;&gt; batches</c> run through by a <c>foreach</c>). Such an iteration is
    /// judged at the calls, not where it is written as well.
    /// </summary>
    private void MapLocalFunctionParameters()
    {
        // To a fixpoint: an event mapped to a call inside another local function or stored lambda is on that function's
        // parameter (beginEpoch = (l, e) => Reshuffle(l, e)), and is mapped on to its calls in the next round, as deep as
        // methods in view are followed. One mapping per parameter, target and kind: a recursion adds nothing new.
        Dictionary<ISymbol, List<EpochEvent>>? done = null;
        for (int round = 0, start = 0; round < MaxMappingDepth && start < Events.Count; round++)
        {
            int end = Events.Count;
            for (int i = start; i < end; i++)
            {
                var e = Events[i];
                if (e.Symbol is not IParameterSymbol { ContainingSymbol: IMethodSymbol function } parameter || !IsFunctionInView(function) ||
                    !FirstMapping(ref done, parameter, e))
                    continue;
                foreach (var use in UsesOf(function))
                    if (Operations.CallOf(use) is { } call && (function.MethodKind == MethodKind.LocalFunction || call.TargetMethod.MethodKind == MethodKind.DelegateInvoke) &&
                        ArgumentFor(call.Arguments, parameter.Ordinal) is { } argument)
                        MapArgument(call, e, argument.Value);
            }
            start = end;
        }
        // By index over those found by the walk: the iterations mapped here are added behind them.
        HashSet<ISymbol>? mapped = null;
        int walked = Iterations.Count;
        for (int i = 0; i < walked; i++)
            if (MapToCalls(Iterations[i])) Iterations[i] = Iterations[i].AsCountedAtCalls();
        foreach (var iteration in ParameterIterations) MapToCalls(iteration);
        // An iteration mapped to a call inside another local function or stored lambda, of its parameter (RunEpoch(loader)
        // calling TrainEpoch(loader)), is that function's iteration at its calls in turn; each parameter is mapped once.
        for (int i = walked; i < Iterations.Count; i++)
            if (MapToCalls(Iterations[i])) Iterations[i] = Iterations[i].AsCountedAtCalls();

        // One iteration per call, however many branches of the function iterate the parameter.
        bool MapToCalls(Iteration iteration)
        {
            if (iteration.LoaderSymbol is not IParameterSymbol { ContainingSymbol: IMethodSymbol function } parameter || !IsFunctionInView(function) ||
                function.MethodKind != MethodKind.LocalFunction && !HoldsOnlyLambdas((ILocalSymbol)_lambdaLocals[function]) ||
                !IsOncePerCall(iteration.Site, function))
                return false;
            if ((mapped ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(parameter))
                foreach (var use in UsesOf(function))
                    if (Operations.CallOf(use) is { } call && (function.MethodKind == MethodKind.LocalFunction || call.TargetMethod.MethodKind == MethodKind.DelegateInvoke))
                        MapIteration(call, function, call.Arguments, iteration, HandsOnBatches(iteration));
            return true;
        }
    }

    /// <summary>How many calls deep events on parameters of local functions and stored lambdas are mapped to their callers.</summary>
    private const int MaxMappingDepth = 32;

    /// <summary>A local function, or a lambda stored in a local: in view, its parameters are its callers' arguments.</summary>
    private bool IsFunctionInView(IMethodSymbol function) =>
        function.MethodKind == MethodKind.LocalFunction || function.MethodKind == MethodKind.AnonymousFunction && _lambdaLocals.ContainsKey(function);

    /// <summary>Whether no event of the same target and kind on <paramref name="parameter"/> has been mapped yet (a delegated one counts where it is written).</summary>
    private static bool FirstMapping(ref Dictionary<ISymbol, List<EpochEvent>>? done, IParameterSymbol parameter, EpochEvent e)
    {
        done ??= new Dictionary<ISymbol, List<EpochEvent>>(SymbolEqualityComparer.Default);
        if (!done.TryGetValue(parameter, out var seen)) done[parameter] = seen = [];
        foreach (var other in seen)
            if (other.Target == e.Target && other.IsDelegated == e.IsDelegated && other.IsHandedOn == e.IsHandedOn && (!e.IsDelegated || other.Site == e.Site))
                return false;
        seen.Add(e);
        return true;
    }

    /// <summary>Whether <paramref name="site"/> sits in <paramref name="function"/>'s own body, outside its loops and lambdas.</summary>
    private static bool IsOncePerCall(IOperation site, IMethodSymbol function)
    {
        for (var parent = site.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILocalFunctionOperation local) return KnownTypes.Is(local.Symbol, function);
            if (parent is IAnonymousFunctionOperation lambda) return KnownTypes.Is(lambda.Symbol, function);
            if (parent is ILoopOperation) return false;
        }
        return false;
    }

    private static ISymbol? EnumeratorLocal(IInvocationOperation call)
    {
        var parent = call.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment => assignment.Target.ReferencedSymbol(),
            _ => null,
        };
    }

    private static bool MovesNext(IOperation condition, ISymbol enumerator) =>
        condition.Subtree().Any(o => o is IInvocationOperation { TargetMethod.Name: "MoveNext", Instance: { } e } && KnownTypes.Is(e.ReferencedSymbol(), enumerator));

    /// <summary>An epoch-setting call, classified by what it reaches; null when the invocation sets no epoch.</summary>
    private EpochEvent? ClassifySetter(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic)
        {
            // Epochs.SetEpoch(loader.Sampler, epoch) sets only that part (it has no parts of its own): as loader.Sampler.SetEpoch(epoch).
            if (method.Name == "SetEpoch" && invocation.Arguments.Length == 2 && KnownTypes.IsEpochs(method.ContainingType))
            {
                IOperation given = Argument(invocation, 0), epoch = Argument(invocation, 1);
                return IsPart(given.WalkDown(), KnownTypes.SamplerNames, out _) || IsPart(given.WalkDown(), KnownTypes.BatchSamplerNames, out _)
                    ? OnReceiver(invocation, given, invocation, epoch)
                    : Whole(given, epoch);
            }
            // The user's own static helpers named in .editorconfig: Helpers.SetEpochs(loader, epoch).
            if (Settings.HasExtraSetters && Settings.IsSetterName(method.Name) &&
                invocation.Arguments.FirstOrDefault(a => IsLoader(a.Value)) is { } loaderArgument &&
                invocation.Arguments.FirstOrDefault(a => a.Value.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64) is { } epochArgument)
                return Whole(loaderArgument.Value, epochArgument.Value);
            return null;
        }
        if (!KnownTypes.IsEpochSetterShape(method, Settings) || invocation.Instance is null) return null;
        return OnReceiver(invocation, invocation.Instance, invocation, Argument(invocation, 0));

        EpochEvent Whole(IOperation loader, IOperation value) =>
            new(invocation, EpochTarget.WholeLoader, loader.WalkDown(), loader.ReferencedSymbol(), invocation, value);
    }

    /// <summary>An instance setter at <paramref name="site"/>, classified by what its receiver is: a loader's sampler or batch sampler, a loader, another object.</summary>
    private EpochEvent OnReceiver(IOperation site, IOperation instance, IInvocationOperation? call, IOperation? epoch)
    {
        var receiver = Resolve(instance, site);
        if (IsPart(receiver, KnownTypes.SamplerNames, out var owner))
            return new EpochEvent(site, EpochTarget.Sampler, owner, owner.ReferencedSymbol(), call, epoch);
        if (IsPart(receiver, KnownTypes.BatchSamplerNames, out owner))
            return new EpochEvent(site, EpochTarget.BatchSampler, owner, owner.ReferencedSymbol(), call, epoch);
        if (Types.KindOf(receiver.Type, Settings) != LoaderKind.None)
            return new EpochEvent(site, EpochTarget.WholeLoader, receiver.WalkDown(), receiver.ReferencedSymbol(), call, epoch);
        return new EpochEvent(site, EpochTarget.Object, null, receiver.ReferencedSymbol(), call, epoch);
    }

    private static IOperation Argument(IInvocationOperation invocation, int ordinal) =>
        (ArgumentFor(invocation.Arguments, ordinal) ?? invocation.Arguments[ordinal]).Value;

    /// <summary>The argument for the parameter at <paramref name="ordinal"/>, in whatever order the call names them.</summary>
    private static IArgumentOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
            if (argument.Parameter?.Ordinal == ordinal) return argument;
        return null;
    }

    /// <summary><c>x.Sampler</c> / <c>x.BatchSampler</c> (property or field, either spelling) of a loader <c>x</c>.</summary>
    private bool IsPart(IOperation operation, string[] names, out IOperation owner)
    {
        owner = operation;
        var (name, instance) = operation switch
        {
            IPropertyReferenceOperation property => (property.Property.Name, property.Instance),
            IFieldReferenceOperation field => (field.Field.Name, field.Instance),
            _ => (null, null),
        };
        if (name is null || instance is null || !names.Contains(name) || Types.KindOf(instance.Type, Settings) == LoaderKind.None) return false;
        owner = instance.WalkDown();
        if (owner is IConditionalAccessInstanceOperation) owner = Operations.ConditionalReceiver(operation) ?? owner; // loader?.Sampler
        if (owner is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput } input) owner = Operations.PatternInput(input) ?? owner; // loader is { Sampler: T s }
        return true;
    }

    /// <summary>
    /// What a receiver stands for: through casts, <c>as</c>, <c>?.</c>, a local declared from a member or another
    /// variable (<c>var s = (IEpochAware)loader.Sampler</c>) or by a pattern (<c>loader.Sampler is IEpochAware s</c>).
    /// A local made with <c>new</c> is the object itself.
    /// </summary>
    private static IOperation Resolve(IOperation receiver, IOperation at)
    {
        var current = receiver.WalkDown();
        for (int step = 0; step < 4; step++)
        {
            if (current is IConditionalAccessInstanceOperation)
            {
                var access = at.Parent;
                while (access is not null and not IConditionalAccessOperation) access = access.Parent;
                if (access is not IConditionalAccessOperation conditional) return current;
                current = conditional.Operation.WalkDown();
                continue;
            }
            if (current is IConditionalAccessOperation nested) // (loader?.Sampler as IEpochAware)?.SetEpoch(e): the .Sampler part
            {
                current = nested.WhenNotNull.WalkDown();
                continue;
            }
            if (current is ILocalReferenceOperation local &&
                Operations.OriginOf(local.Local, at)?.WalkDown() is { } origin and (IPropertyReferenceOperation or IFieldReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation))
            {
                current = origin;
                continue;
            }
            return current;
        }
        return current;
    }

    /// <summary>
    /// A setter called on the elements of a collection (<c>foreach (var l in new[] { a, b }) l.SetEpoch(e)</c>,
    /// <c>loaders.ForEach(l =&gt; l.SetEpoch(e))</c>, <c>foreach (var kv in loaders) kv.Value.SetEpoch(e)</c>) sets each
    /// variable the collection was made from.
    /// </summary>
    private void ExpandCollectionEvents()
    {
        foreach (var e in Events.ToList())
        {
            if (e.Target is not (EpochTarget.WholeLoader or EpochTarget.Object)) continue;
            // The element itself (l.SetEpoch(e)) or a member of it (kv.Value.SetEpoch(e), task.Loader.SetEpoch(e)).
            var held = e.Loader is IMemberReferenceOperation { Instance: { } owner } && owner.WalkDown() is ILocalReferenceOperation local ? local.Local : e.Symbol;
            if ((IndexedCollection(e.Loader) ?? CollectionOf(held)) is not { } collection) continue;
            foreach (var element in SymbolsIn(collection, 2))
                Events.Add(e.WithSymbol(element, Types.KindOf(TypeOf(element), Settings) != LoaderKind.None ? EpochTarget.WholeLoader : EpochTarget.Object));
        }
    }

    /// <summary>
    /// What an element picked from a local collection may be: with a varying index (<c>loaders[i].SetEpoch(e)</c> in a
    /// loop over <c>EpochDataLoader[] loaders = [a, b]</c>) any element, so the collection; with a constant one
    /// (<c>loaders[0]</c>) the element written at that place in its one value (<c>new[] { a, b }</c>,
    /// <c>new List&lt;…&gt; { a, b }</c>). Not a key (<c>loaders["train"]</c>).
    /// </summary>
    private IOperation? IndexedCollection(IOperation? element)
    {
        var (collection, index) = element switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } array => (array.ArrayReference, array.Indices[0]),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list, Arguments.Length: 1 } indexer => (list, indexer.Arguments[0].Value),
            _ => (null, null),
        };
        if (collection?.WalkDown() is not ILocalReferenceOperation local || index is null) return null;
        if (!index.ConstantValue.HasValue) return collection;
        if (index.ConstantValue.Value is not int at || !_values.TryGetValue(local.Local, out var values) || values.Count != 1) return null;
        var value = values[0].WalkDown();
        var elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.Select(IOperation? (v) => v).ToList(),
            IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers.Select(i => i is IInvocationOperation { Arguments.Length: 1 } add ? add.Arguments[0].Value : null).ToList(),
            _ when value.Syntax is CollectionExpressionSyntax collectionExpression => CollectionExpressionElements(value, collectionExpression),
            _ => null,
        };
        return elements is not null && at >= 0 && at < elements.Count ? elements[at] : null;
    }

    /// <summary>
    /// The elements of a collection expression (<c>EpochDataLoader[] loaders = [train, aux]</c>) in their places, up to the
    /// first one spread: a spread moves the places after it by a count not known (<c>[..others, train]</c>), none before it
    /// (<c>[train, aux, ..probes]</c>: place 0 is <c>train</c>). Read through the syntax: the operation of a collection
    /// expression is newer than the Roslyn we build against, its children are its elements.
    /// </summary>
    private static List<IOperation?> CollectionExpressionElements(IOperation value, CollectionExpressionSyntax syntax)
    {
        var elements = new List<IOperation?>(syntax.Elements.Count);
        foreach (var element in syntax.Elements)
        {
            if (element is not ExpressionElementSyntax { Expression: var expression }) break;
            IOperation? found = null;
            foreach (var child in value.ChildOperations)
                if (child.Syntax == expression) { found = child; break; }
            elements.Add(found);
        }
        return elements;
    }

    private IOperation? CollectionOf(ISymbol? element)
    {
        if (element is ILocalSymbol local)
            return _loops.OfType<IForEachLoopOperation>().FirstOrDefault(l => l.Locals.Contains(local, SymbolEqualityComparer.Default))?.Collection;
        if (element is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda })
        {
            var function = Root.Subtree().OfType<IAnonymousFunctionOperation>().FirstOrDefault(f => KnownTypes.Is(f.Symbol, lambda));
            for (var parent = function?.Parent; parent is not null; parent = parent.Parent)
                if (parent is IInvocationOperation call) return call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
        }
        return null;
    }

    /// <summary>The variables an expression is made from, and (for locals) what they were made from, <paramref name="depth"/> levels down.</summary>
    public IEnumerable<ISymbol> SymbolsIn(IOperation operation, int depth, bool objectsOnly = false)
    {
        foreach (var o in operation.Subtree())
        {
            if (o is not (ILocalReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation) || o.ReferencedSymbol() is not { } symbol) continue;
            // With objectsOnly, a variable only read from (data in data.Count) is not one of the objects the value holds.
            if (objectsOnly && IsReadFrom(o)) continue;
            yield return symbol;
            // A field's values too (_batches = new BatchSampler(_shard, 32) in the constructor: _shard is in _batches), and
            // a local of the member that built it (var batches = new BatchSampler(_shard, 32); _train = new …(batchSampler: batches)).
            if (depth > 0 && symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol)
                foreach (var value in (symbol is ILocalSymbol local && !_values.ContainsKey(local) ? Tree.LocalValues(local) : ValuesOf(symbol)).Values)
                    foreach (var inner in SymbolsIn(value, depth - 1, objectsOnly)) yield return inner;
        }
    }

    internal static bool IsReadFrom(IOperation reference) => reference.Parent switch
    {
        IMemberReferenceOperation member => member.Instance == reference && !MayHoldSampler(member.Type),
        IInvocationOperation call => call.Instance == reference && !MayHoldSampler(call.Type),
        IConditionalAccessOperation access => access.Operation == reference && !MayHoldSampler(access.Type), // data?.Count
        _ => false,
    };

    /// <summary>
    /// Whether a value read off a variable may be (or hold) a sampler: <c>shards[rank]</c>, <c>samplers.Values</c>; not a
    /// number, a string, an array or a collection of values (<c>data.Count</c>, <c>data.Labels</c>).
    /// </summary>
    private static bool MayHoldSampler(ITypeSymbol? type) => type switch
    {
        null => true,
        { IsValueType: true } or { SpecialType: SpecialType.System_String } or IArrayTypeSymbol => false,
        INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments.Any(t => !t.IsValueType),
        _ => true,
    };

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol l => l.Type,
        IParameterSymbol p => p.Type,
        IFieldSymbol f => f.Type,
        IPropertySymbol p => p.Type,
        _ => null,
    };

    // ---- Passes: loops across local functions and lambdas ----

    /// <summary>
    /// For each way <paramref name="operation"/> can run, the innermost enclosing loop that <paramref name="accept"/>s,
    /// with the operation (or the call of the local function or delegate it is in) that sits in that loop's function.
    /// Lambdas passed as arguments run where they are written; local functions and lambdas stored in locals run
    /// where they are used. A foreach's collection and a for loop's initializers are not part of its passes.
    /// </summary>
    public List<(ILoopOperation Loop, IOperation Site)> InnermostLoops(IOperation operation, Func<ILoopOperation, bool> accept)
    {
        var found = new List<(ILoopOperation, IOperation)>();
        HashSet<ISymbol>? visited = null; // made when a function boundary is crossed, which most operations never reach
        Visit(operation);
        return found;

        void Visit(IOperation site)
        {
            var child = site;
            for (var parent = site.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is ILoopOperation loop && accept(loop) && IsPerPass(loop, child))
                {
                    found.Add((loop, site));
                    return;
                }
                if (FunctionSymbol(parent) is { } function)
                {
                    if ((visited ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(function) && _functionUses.TryGetValue(function, out var uses))
                        foreach (var use in uses) Visit(use);
                    return;
                }
            }
        }
    }

    private static bool IsPerPass(ILoopOperation loop, IOperation child) => loop switch
    {
        IForEachLoopOperation forEach => child != forEach.Collection,
        IForLoopOperation forLoop => !forLoop.Before.Contains(child),
        _ => true,
    };

    /// <summary>The local function, or the local a lambda is stored in: a boundary whose passes are its call sites.</summary>
    private ISymbol? FunctionSymbol(IOperation operation) => operation switch
    {
        ILocalFunctionOperation local => local.Symbol.OriginalDefinition,
        IAnonymousFunctionOperation lambda when _delegateLocals.TryGetValue(lambda, out var stored) => stored,
        _ => null,
    };

    /// <summary>
    /// The branch of a rank-dependent <c>if</c>, <c>?:</c> or <c>switch</c> (<see cref="Ranks"/>) that holds
    /// <paramref name="site"/> within <paramref name="bound"/> (a loop, or a branch), and what chose it (the conditional, or
    /// the switch whose case it is); null when every rank that runs <paramref name="bound"/> reaches the site. Inside a
    /// local function or stored lambda, its own conditions are not read: it is limited where every call of it within
    /// <paramref name="bound"/> is.
    /// </summary>
    public RankBranch? RankBranchOf(IOperation site, IOperation bound) => RankBranchOf(site, bound, 0);

    private RankBranch? RankBranchOf(IOperation site, IOperation bound, int depth)
    {
        RankBranch? found = null;
        for (var current = site; current != bound; current = current.Parent)
        {
            if (current.Parent is not { } parent) return null; // the bound is not above the site
            if (found is null && parent is IConditionalOperation conditional && current != conditional.Condition && Ranks.IsRankDependent(conditional.Condition))
                found = new RankBranch(conditional, current);
            // switch (rank) { case 0: … }: the case is the branch.
            if (found is null && current is ISwitchCaseOperation && parent is ISwitchOperation @switch && Ranks.IsRankDependent(@switch.Value) && RankBranch.HasSeparateCases(@switch))
                found = new RankBranch(@switch, current);
            // if (Dist.Rank != 0) continue; (or break, return, throw) before it in a block: only the other ranks go on.
            if (found is null && parent is IBlockOperation block && ExitGuardBefore(block, current) is { } guard)
                found = new RankBranch(guard, current);
            if (FunctionSymbol(parent) is { } function)
            {
                if (depth >= MaxRecursion || !_functionUses.TryGetValue(function, out var uses)) return null;
                RankBranch? atCalls = null;
                foreach (var use in uses)
                {
                    if (!bound.Syntax.Span.Contains(use.Syntax.Span)) continue;
                    if (RankBranchOf(use, bound, depth + 1) is not { } limit) return null;
                    atCalls ??= limit;
                }
                return atCalls;
            }
        }
        return found;
    }

    /// <summary>A rank-dependent <c>if</c> without <c>else</c> that leaves the block's rest (<c>continue</c>, <c>break</c>, <c>return</c>, <c>throw</c>), before <paramref name="statement"/>.</summary>
    private static IConditionalOperation? ExitGuardBefore(IBlockOperation block, IOperation statement)
    {
        foreach (var earlier in block.Operations)
        {
            if (earlier == statement) return null;
            if (earlier is IConditionalOperation { WhenFalse: null } guard && Exits(guard.WhenTrue) && Ranks.IsRankDependent(guard.Condition)) return guard;
        }
        return null;

        static bool Exits(IOperation operation) => operation switch
        {
            IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break } or IReturnOperation or IThrowOperation => true,
            IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IBlockOperation { Operations: var statements } => statements.Length > 0 && Exits(statements[statements.Length - 1]),
            _ => false,
        };
    }

    /// <summary>
    /// Whether two expressions of one member variable belong to different objects for certain: <c>src.Loader</c> and
    /// <c>tgt.Loader</c> where <c>src</c> and <c>tgt</c> are different parameters, fields or properties, or locals each
    /// made by a creation of its own. Anything else (<c>this</c>, a loop variable, an alias) may be the same object.
    /// </summary>
    public bool OtherObjects(IOperation? a, IOperation? b)
    {
        if (ReceiverOf(a) is not { } x || ReceiverOf(b) is not { } y || KnownTypes.Is(x, y)) return false;
        return OwnObject(x) && OwnObject(y);

        // Through a local that only renames the member (var src = source.Loader), as Canonical reads it: src is source's.
        ISymbol? ReceiverOf(IOperation? loader)
        {
            var current = loader?.WalkDown();
            for (int step = 0; step < 4 && current is ILocalReferenceOperation { Local: var local }; step++)
            {
                if (!_values.TryGetValue(local, out var values) || values.Count != 1 || _writes.TryGetValue(local, out var writes) && writes.Count > 1) break;
                current = values[0].WalkDown();
            }
            return current is IMemberReferenceOperation { Instance: { } instance }
                ? (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput } input ? Operations.PatternInput(input) : instance).ReferencedSymbol()
                : null;
        }
        bool OwnObject(ISymbol receiver) => receiver is IParameterSymbol or IFieldSymbol or IPropertySymbol ||
                                            receiver is ILocalSymbol local && Operations.OriginOf(local, Root)?.WalkDown() is IObjectCreationOperation;
    }

    /// <summary>Whether <paramref name="operation"/> runs inside <paramref name="ancestor"/>, directly or through the local functions and delegates it calls there.</summary>
    public bool IsWithin(IOperation operation, IOperation ancestor) => IsWithin(operation, ancestor, null);

    private bool IsWithin(IOperation operation, IOperation ancestor, HashSet<ISymbol>? visited)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current == ancestor) return true;
            if (current != operation && FunctionSymbol(current) is { } function)
            {
                if (!(visited ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(function) || !_functionUses.TryGetValue(function, out var uses)) return false;
                foreach (var use in uses)
                    if (IsWithin(use, ancestor, visited)) return true;
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// Loops whose passes iterate some loader: the epoch loops. A loop that is itself an iteration (a batch loop) is
    /// not one: a loader iterated inside another's batches belongs to the epoch loop around both.
    /// </summary>
    public bool IsEpochLoop(ILoopOperation loop)
    {
        if (_epochLoops is null)
        {
            // Loops rather than LINQ over (loop, site) pairs: a query over a value tuple is compiled by the JIT in every build.
            _epochLoops = [];
            foreach (var iteration in Iterations)
            {
                // A local function's or stored lambda's iteration of its parameter makes epoch loops where it is mapped, at the calls.
                if (iteration.CountedAtCalls) continue;
                if (iteration.ThroughCall && !(iteration.LoaderSymbol is { } loader && Shuffles(FactsOf(loader, iteration.Loader.Type)))) continue;
                foreach (var (epochLoop, _) in InnermostLoops(iteration.Site, l => !IsIterationLoop(l) && !IsPhaseLoop(l) && !IsRetryLoop(l) && !IsLoopOverLoaders(l, iteration)))
                    _epochLoops.Add(epochLoop);
            }
        }
        return _epochLoops.Contains(loop);
    }

    /// <summary>
    /// Whether a loader's order is meant to change across epochs: epoch-dependent, or a TorchSharp loader that shuffles
    /// from a seed (CMP003's fix makes it epoch-dependent and sets its epoch where it is iterated).
    /// </summary>
    private static bool Shuffles(LoaderFacts facts) =>
        facts.EpochDependent || facts.Kind == LoaderKind.Torch && facts.Constructions.Count > 0 && facts.Constructions.All(Sampling.ShufflesFromSeed);

    /// <summary>
    /// A loop that picks a loader on each pass and iterates it: the loader is the loop's own variable
    /// (<c>foreach (var l in loaders)</c>), a member of it (<c>task.Loader</c>, <c>kv.Value</c>), or a local declared in
    /// its body from what its variable picks (<c>var stage = stages[i]</c>, <c>stages.ElementAt(i)</c>, <c>var l = task.Loader</c>,
    /// <c>var (name, l) = kv</c>). Its passes are loaders, not epochs.
    /// </summary>
    private bool IsLoopOverLoaders(ILoopOperation loop, Iteration iteration)
    {
        var loader = iteration.Loader.WalkDown();
        while (loader is IMemberReferenceOperation { Instance: { } instance }) loader = instance.WalkDown();
        if (loader is not ILocalReferenceOperation { Local: var local }) return false;
        if (IsLoopVariable(loop, local)) return true;
        if (local.DeclaringSyntaxReferences.FirstOrDefault() is not { } declaration || !loop.Syntax.Span.Contains(declaration.Span)) return false;
        // Its one value (var l = kv.Value, var l = stages[i]), its deconstruction (var (name, l) = kv) or the value its
        // pattern tests (source is EpochDataLoader l, without a value of its own) reads the loop's variable.
        bool hasValues = _values.TryGetValue(local, out var values);
        IOperation? value = hasValues && values.Count == 1 ? values[0]
            : WritesOf(local) is { Count: 1 } writes && writes[0] is IDeconstructionAssignmentOperation deconstruction ? deconstruction.Value
            : !hasValues && WritesOf(local).Count == 0 &&
              declaration.GetSyntax(Tree.CancellationToken) is SingleVariableDesignationSyntax { Parent: DeclarationPatternSyntax or RecursivePatternSyntax }
                ? Operations.OriginOf(local, iteration.Loader) : null;
        // Only a pick of an existing loader: a creation or a ?: (of creations) is a loader made for the pass.
        return value?.WalkDown() is IMemberReferenceOperation or IArrayElementReferenceOperation or ILocalReferenceOperation or
                   IInvocationOperation { TargetMethod.Name: "ElementAt" or "ElementAtOrDefault" } &&
               SymbolsIn(value, 0).Any(s => IsLoopVariable(loop, s));
    }

    /// <summary>
    /// A variable the loop declares (<c>for (int i = …)</c>, <c>foreach (var l in …)</c>), or the index of a <c>for</c> loop
    /// declared before it that the loop's header advances (<c>int stage; for (stage = 0; …; stage++)</c>).
    /// </summary>
    private static bool IsLoopVariable(ILoopOperation loop, ISymbol symbol)
    {
        if (loop.Locals.Contains(symbol, SymbolEqualityComparer.Default)) return true;
        if (loop is not IForLoopOperation forLoop || symbol is not ILocalSymbol) return false;
        foreach (var step in forLoop.AtLoopBottom)
        {
            var advance = step is IExpressionStatementOperation statement ? statement.Operation : step;
            var target = advance switch
            {
                IIncrementOrDecrementOperation increment => increment.Target,
                ICompoundAssignmentOperation compound => compound.Target,
                ISimpleAssignmentOperation assignment => assignment.Target,
                _ => null,
            };
            if (KnownTypes.Is(target.ReferencedSymbol(), symbol)) return true;
        }
        return false;
    }

    /// <summary>
    /// A loop that leaves once a pass completes: <c>for (int attempt = 0; …; attempt++) { try { …; break; } catch (IOException) { } }</c>,
    /// a <c>break</c> or <c>return</c> among its body's statements or ending a <c>try</c> among them. It runs another pass only
    /// when one failed, to retry that pass, so its passes are not epochs (nor are those of a loop that always leaves after
    /// one). A <c>continue</c> outside a <c>catch</c> makes passes of its own.
    /// </summary>
    private static bool IsRetryLoop(ILoopOperation loop)
    {
        var statements = loop.Body is IBlockOperation block ? block.Operations : ImmutableArray.Create(loop.Body);
        // What follows a try that leaves (a back-off delay after its catch) runs only after a failed pass.
        if (!statements.Any(s => Leaves(s) || s is ITryOperation { Body.Operations: { Length: > 0 } tried } && Leaves(tried[tried.Length - 1]))) return false;
        foreach (var operation in loop.Body.Descendants())
            if (operation is IBranchOperation { BranchKind: BranchKind.Continue } branch && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ContinueLabel) && !InCatch(operation))
                return false;
        return true;

        bool Leaves(IOperation statement) => statement is IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak } ||
                                             statement is IBranchOperation { BranchKind: BranchKind.Break } exit && SymbolEqualityComparer.Default.Equals(exit.Target, loop.ExitLabel);

        bool InCatch(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null && parent != loop; parent = parent.Parent)
                if (parent is ICatchClauseOperation) return true;
            return false;
        }
    }

    /// <summary>
    /// A <c>foreach</c> over strings or enum values (<c>foreach (var phase in new[] { "train", "val" })</c>, PyTorch's
    /// tutorial shape): its passes are phases of one epoch, each loader iterated once, so the loop around it is the epoch loop.
    /// </summary>
    private static bool IsPhaseLoop(ILoopOperation loop) =>
        loop is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation { Symbol.Type: { } type } } &&
        (type.SpecialType == SpecialType.System_String || type.TypeKind == TypeKind.Enum);

    private bool IsIterationLoop(ILoopOperation loop)
    {
        _iterationLoops ??= new HashSet<IOperation>(Iterations.Select(i => i.Site).Concat(Iterations.SelectMany(i => i.Bodies)));
        // A foreach whose body runs during an iteration: over an iterator in view that wraps train (foreach (var b in
        // Progress(train))), or over a chain that draws from it (Enumerable.Range(0, n).Zip(train)): a batch loop of train's.
        return _iterationLoops.Contains(loop) || loop is IForEachLoopOperation forEach && _iterationLoops.Contains(forEach.Body);
    }

    /// <summary>
    /// The body of the <c>foreach</c> whose collection <paramref name="call"/> is (an iterator method in view that wraps a
    /// loader), also through calls that only hand its sequence on: LINQ over it (<c>Progress(train).Take(steps)</c>) and an
    /// async stream's <c>WithCancellation</c> or <c>ConfigureAwait</c> (<c>await foreach (var b in Prefetch(train).WithCancellation(ct))</c>).
    /// It runs during that iteration.
    /// </summary>
    private static IReadOnlyList<IOperation> BodyOfForEachOver(IOperation call)
    {
        var sequence = call;
        for (int depth = 0; depth < 8; depth++)
        {
            var parent = sequence.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation) parent = parent.Parent;
            switch (parent)
            {
                case IForEachLoopOperation forEach when forEach.Collection.WalkDown() == sequence:
                    return [forEach.Body];
                // Progress(train).Take(n), Prefetch(train).WithCancellation(ct): the sequence as a static or extension method's source.
                case IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation outer } when KnownTypes.PassesSequenceOn(outer.TargetMethod):
                    sequence = outer;
                    continue;
                // Stream(train).WithCancellation(ct).ConfigureAwait(false): an instance method of the configured stream.
                case IInvocationOperation { Instance: { } instance } outer when instance.WalkDown() == sequence && KnownTypes.PassesSequenceOn(outer.TargetMethod):
                    sequence = outer;
                    continue;
            }
            break;
        }
        return [];
    }

    /// <summary>The innermost epoch loop a call runs in, if any.</summary>
    public ILoopOperation? EpochLoopOf(IOperation operation) => InnermostLoops(operation, IsEpochLoop) is { Count: > 0 } found ? found[0].Loop : null;

    // ---- Values ----

    /// <summary>
    /// The values a variable was given in view, and whether some way it was set is not in view: for a local, a
    /// <c>ref</c>/<c>out</c> argument (<c>Shards.TryCreate(n, out sampler)</c>) or a deconstruction of no tuple literal.
    /// </summary>
    public (IReadOnlyList<IOperation> Values, bool Unknown) ValuesOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol => _values.TryGetValue(symbol, out var values) ? (values, _unseenWrites?.Contains(symbol) == true) : ([], true),
        IFieldSymbol or IPropertySymbol => Tree.MemberValues(symbol),
        _ => ([], true),
    };

    /// <summary>Writes to a variable in this block (assignments, increments, <c>ref</c>/<c>out</c>).</summary>
    public IReadOnlyList<IOperation> WritesOf(ISymbol symbol) => _writes.TryGetValue(symbol, out var writes) ? writes : [];

    /// <summary>Where a local function or a lambda stored in a local is called or handed on; nothing for other lambdas.</summary>
    public IReadOnlyList<IOperation> UsesOf(IMethodSymbol function)
    {
        ISymbol key = function.MethodKind == MethodKind.LocalFunction ? function.OriginalDefinition
            : _lambdaLocals.TryGetValue(function, out var local) ? local : function;
        return _functionUses.TryGetValue(key, out var uses) ? uses : [];
    }

    public LoaderFacts FactsOf(ISymbol symbol, ITypeSymbol? type)
    {
        if (symbol is IFieldSymbol or IPropertySymbol) return Tree.MemberFacts(symbol, type, this);
        if (!_facts.TryGetValue(symbol, out var facts)) _facts[symbol] = facts = new LoaderFacts(symbol, type, this);
        return facts;
    }
}
