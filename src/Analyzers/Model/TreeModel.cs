using System.Collections.Immutable;
using Composer.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>
/// The epoch model of one file: the flows of the members that may hold a finding, what the file's types assign to
/// their loader fields, and every rule's findings.
/// </summary>
internal sealed class TreeModel
{
    private readonly Dictionary<SyntaxNode, EpochFlow> _flows = [];
    private readonly Dictionary<ISymbol, MemberValueSet> _memberValues = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, LoaderFacts> _memberFacts = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, IReadOnlyList<EpochEvent>?> _calleeEvents = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IMethodSymbol> _inProgress = new(SymbolEqualityComparer.Default);
    private const int MaxCalleeDepth = 32;
    private readonly string _text;

    private TreeModel(SemanticModel model, string text, KnownTypes types, AnalyzerSettings settings, CancellationToken cancellationToken)
    {
        Model = model;
        _text = text;
        Types = types;
        Settings = settings;
        CancellationToken = cancellationToken;
    }

    public SemanticModel Model { get; }
    public KnownTypes Types { get; }
    public AnalyzerSettings Settings { get; }
    public CancellationToken CancellationToken { get; }
    public IEnumerable<EpochFlow> Flows => _flows.Values;

    /// <summary>Every rule's findings in the file of <paramref name="model"/>.</summary>
    public static ImmutableArray<Diagnostic> Findings(SemanticModel model, KnownTypes types, AnalyzerSettings settings, CancellationToken cancellationToken)
    {
        var filter = SyntaxFilter.Scan(model.SyntaxTree, types, settings, cancellationToken);
        if (filter is null || filter.IsEmpty) return ImmutableArray<Diagnostic>.Empty;

        var tree = new TreeModel(model, filter.Text, types, settings, cancellationToken);
        var findings = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var node in filter.Iterations.Concat(filter.Setters))
        {
            if (model.GetOperation(node, cancellationToken) is { } operation && (tree.Matters(operation.WalkDown()) || IsLocalFunctionOverSequenceParameter(operation)))
                tree.FlowOf(operation);
        }
        // A helper that iterates a loader it is given or a field (TrainOneEpoch(train)) is iterated wherever it is called:
        // the flows to build are its callers' in this file.
        foreach (var node in filter.HelperIterations)
        {
            // Most are LINQ calls in methods nothing in the file calls: only a method whose name the text calls elsewhere is bound.
            if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration || !SyntaxFilter.IsCalledElsewhere(filter.Text, declaration.Identifier)) continue;
            if (model.GetOperation(node, cancellationToken) is { } operation &&
                (tree.Matters(operation.WalkDown()) || operation is IForEachLoopOperation loop && EpochFlow.SequenceParameterOf(loop.Collection.WalkDown()) is not null) &&
                model.GetEnclosingSymbol(node.SpanStart, cancellationToken) is IMethodSymbol helper)
                tree.AddCallersOf(helper, 0);
        }
        var creations = new List<IOperation>();
        foreach (var node in filter.Creations)
        {
            var operation = model.GetOperation(node, cancellationToken);
            if (operation is IObjectCreationOperation && types.KindOf(operation.Type, settings) is LoaderKind.Epoch or LoaderKind.Torch ||
                operation is IInvocationOperation factory && KnownTypes.IsTorchFactory(factory.TargetMethod))
                creations.Add(operation);
        }

        foreach (var flow in tree._flows.Values.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            CMP001SetEpochOnSamplerOnly.Find(flow, findings);
            CMP002EpochNeverSet.Find(flow, findings);
            CMP004EpochArgumentConstant.Find(flow, findings);
            CMP005SetEpochInsideIteration.Find(flow, findings);
        }
        foreach (var creation in creations)
        {
            CMP003FixedSeedShuffle.Find(creation, tree, findings);
            CMP006ConflictingLoaderArguments.Find(creation, tree, findings);
        }
        return findings.Count == 0 ? ImmutableArray<Diagnostic>.Empty : findings.Where(d => !InGeneratedCode(model, d.Location, cancellationToken)).ToImmutableArray();
    }

    /// <summary>
    /// Whether <paramref name="location"/> lies in a member or type marked <c>[GeneratedCode]</c>. Asked per finding: the
    /// driver's own test (<c>GeneratedCodeAnalysisFlags.None</c>) walks every token of each file we report in.
    /// </summary>
    private static bool InGeneratedCode(SemanticModel model, Location location, CancellationToken cancellationToken)
    {
        if (!MayBeMarked(model.SyntaxTree.GetRoot(cancellationToken).FindToken(location.SourceSpan.Start).Parent)) return false;
        for (var symbol = model.GetEnclosingSymbol(location.SourceSpan.Start, cancellationToken); symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            foreach (var attribute in symbol.GetAttributes())
                if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace.Name: "System" } } })
                    return true;
        return false;
    }

    /// <summary>
    /// Whether a declaration around <paramref name="node"/> has attributes or other parts (<c>partial</c>), or the node is
    /// a top-level statement: only then can a symbol around it carry <c>[GeneratedCode]</c>, so only then are symbols asked.
    /// </summary>
    private static bool MayBeMarked(SyntaxNode? node)
    {
        for (; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case MemberDeclarationSyntax member when member.AttributeLists.Count > 0 || member.Modifiers.Any(SyntaxKind.PartialKeyword):
                case LocalFunctionStatementSyntax { AttributeLists.Count: > 0 }:
                case AccessorDeclarationSyntax { AttributeLists.Count: > 0 }:
                case ParenthesizedLambdaExpressionSyntax { AttributeLists.Count: > 0 }:
                case GlobalStatementSyntax:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A <c>foreach</c> straight over a local function's parameter typed as a sequence interface or a type parameter
    /// (<c>void Train(…, IEnumerable&lt;Dictionary&lt;string, Tensor&gt;&gt; batches)</c>): it iterates whatever loader a call hands it.
    /// </summary>
    private static bool IsLocalFunctionOverSequenceParameter(IOperation operation) =>
        operation is IForEachLoopOperation loop &&
        EpochFlow.SequenceParameterOf(loop.Collection.WalkDown()) is { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.LocalFunction } };

    /// <summary>Whether a candidate from the syntax filter really iterates a loader or sets an epoch.</summary>
    private bool Matters(IOperation operation) => operation switch
    {
        IForEachLoopOperation loop => LoaderUnder(loop.Collection),
        IInvocationOperation { TargetMethod.Name: "GetEnumerator", Instance: { } owner } => LoaderUnder(owner),
        IInvocationOperation invocation when KnownTypes.IsEnumerable(invocation.TargetMethod.ContainingType) => LoaderUnder(invocation),
        // A static setter (Epochs.SetEpoch, one named in epoch_setters), not any static call whose name LINQ also uses (Math.Max).
        IInvocationOperation invocation => invocation.TargetMethod.IsStatic ? Settings.IsSetterName(invocation.TargetMethod.Name) : KnownTypes.IsEpochSetterShape(invocation.TargetMethod, Settings),
        IMethodReferenceOperation { Instance: not null } reference => KnownTypes.IsEpochSetterShape(reference.Method, Settings),
        _ => false,
    };

    /// <summary>Whether a loader is under a collection: itself, the receiver or first argument of a call on it, any sequence of a LINQ call (<c>replay.Concat(loader)</c>).</summary>
    private bool LoaderUnder(IOperation collection, int depth = 0)
    {
        var current = collection.WalkDown();
        if (Types.KindOf(current.Type, Settings) != LoaderKind.None) return true;
        if (depth > 8 || current is not IInvocationOperation call) return false;
        if (call.Instance is { } instance) return LoaderUnder(instance, depth + 1);
        if (!KnownTypes.IsEnumerable(call.TargetMethod.ContainingType)) return call.Arguments.Length > 0 && LoaderUnder(call.Arguments[0].Value, depth + 1);
        foreach (var argument in call.Arguments)
            if (LoaderUnder(argument.Value, depth + 1)) return true;
        return false;
    }

    /// <summary>
    /// Builds the flows of the calls of <paramref name="helper"/> in this file that a loop or function holds, found where
    /// the text names it; a call in no loop makes its own member a helper whose callers are looked for in turn.
    /// </summary>
    private void AddCallersOf(IMethodSymbol helper, int depth)
    {
        helper = helper.ReducedFrom ?? helper.OriginalDefinition;
        if (depth > MaxHelperDepth || helper.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation) || !_helpersSought.Add(helper)) return;
        var root = Model.SyntaxTree.GetRoot(CancellationToken);
        foreach (int i in SyntaxFilter.Occurrences(_text, helper.Name, 0, _text.Length, []))
        {
            var token = root.FindToken(i);
            if (token.SpanStart != i || token.Parent is not SimpleNameSyntax name) continue;
            var called = name.Parent is MemberAccessExpressionSyntax access && access.Name == name || name.Parent is MemberBindingExpressionSyntax ? name.Parent : name;
            if (called.Parent is not InvocationExpressionSyntax call || call.Expression != called ||
                Model.GetOperation(call, CancellationToken) is not IInvocationOperation invocation ||
                !KnownTypes.Is(invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod.OriginalDefinition, helper))
                continue;
            if (SyntaxFilter.InLoopOrFunction(call)) FlowOf(invocation);
            else if (Model.GetEnclosingSymbol(call.SpanStart, CancellationToken) is IMethodSymbol caller) AddCallersOf(caller, depth + 1);
        }
    }

    private const int MaxHelperDepth = 8;
    private readonly HashSet<IMethodSymbol> _helpersSought = new(SymbolEqualityComparer.Default);

    /// <summary>The flow of the operation block <paramref name="operation"/> belongs to, built on first use.</summary>
    public EpochFlow FlowOf(IOperation operation)
    {
        var root = operation.Root();
        if (!_flows.TryGetValue(root.Syntax, out var flow)) _flows[root.Syntax] = flow = new EpochFlow(root, this);
        return flow;
    }

    /// <summary>
    /// What a method in view (declared with a body in this file) sets the epoch of, through its own flow: events on
    /// fields, properties and its parameters. Null when the method is not in view: a loader handed to it may get its
    /// epoch set there.
    /// </summary>
    public IReadOnlyList<EpochEvent>? EventsOf(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method.OriginalDefinition;
        // Most calls in a training loop are to libraries (TorchSharp's tensor methods): not in view, and no lookup needed.
        var references = method.DeclaringSyntaxReferences;
        // An interface's method, even with a default body, may run an implementation not in view.
        if (references.IsEmpty || method.ContainingType?.TypeKind == TypeKind.Interface) return null;
        if (_calleeEvents.TryGetValue(method, out var known)) return known;
        if (_inProgress.Contains(method)) return []; // a recursion: what the method sets is being found above
        // A deeper chain of helpers counts as not in view, so it may set the epoch, rather than overflowing the stack.
        if (_inProgress.Count >= MaxCalleeDepth) return null;
        _inProgress.Add(method);
        List<EpochEvent>? events = null;
        List<Iteration>? iterations = null;
        var bodies = new List<SyntaxNode>();
        foreach (var reference in references)
            if (reference.SyntaxTree == Model.SyntaxTree && reference.GetSyntax(CancellationToken) is var body &&
                (body is BaseMethodDeclarationSyntax declaration && (declaration.Body is not null || declaration.ExpressionBody is not null) ||
                 body is AccessorDeclarationSyntax accessor && (accessor.Body is not null || accessor.ExpressionBody is not null)))
                bodies.Add(body);
        if (bodies.Count == references.Length)
        {
            events = [];
            // Every body is read, also one whose text names no setter: it may call a helper that does, or hand a loader to
            // code not in view (hooks.OnEpochStart(_train, epoch)).
            foreach (var body in bodies)
            {
                if (Model.GetOperation(body, CancellationToken) is not { } operation) continue;
                var flow = FlowOf(operation);
                foreach (var e in flow.Events)
                    if (IsCallersVariable(e.Symbol, method)) events.Add(e);
                // Iterations once per call of a method (not a constructor), outside every loop, lambda and local function of
                // its own, of what the caller names too; one per variable (an early-return branch and the rest are one).
                if (method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor) continue;
                // An iterator that peeks at the loader before it yields its batches (First(), then a foreach) still hands them on.
                foreach (var iteration in flow.Iterations.Concat(flow.ParameterIterations))
                {
                    if (!IsCallersVariable(iteration.LoaderSymbol, method) || SyntaxFilter.InLoopOrFunction(iteration.Site.Syntax)) continue;
                    var kept = (iterations ??= []).FirstOrDefault(i => KnownTypes.Is(i.LoaderSymbol, iteration.LoaderSymbol));
                    if (kept is null) iterations.Add(kept = iteration);
                    if (flow.HandsOnBatches(iteration)) _batchWrappers.Add(kept);
                }
            }
        }
        _inProgress.Remove(method);
        _calleeEvents[method] = events;
        if (iterations is not null) _calleeIterations[method] = iterations;
        return events;
    }

    /// <summary>
    /// A field or property, a parameter of <paramref name="method"/> (its receiver included), or a parameter of its type's
    /// primary constructor that it captures: what a call's caller can name (the last through the receiver's creation).
    /// </summary>
    private static bool IsCallersVariable(ISymbol? symbol, IMethodSymbol method) =>
        symbol is IFieldSymbol or IPropertySymbol || symbol is IParameterSymbol p && (KnownTypes.Is(p.ContainingSymbol.OriginalDefinition, method) || IsReceiverOf(p, method) ||
                                                                                      p.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor &&
                                                                                      method.MethodKind != MethodKind.Constructor &&
                                                                                      KnownTypes.Is(constructor.ContainingType.OriginalDefinition, method.ContainingType?.OriginalDefinition));

    /// <summary>
    /// The loaders a method in view iterates once per call, outside any loop of its own and any lambda: its parameters
    /// (<c>TrainOneEpoch(EpochDataLoader loader)</c>) and fields. Empty for a method not in view.
    /// </summary>
    public IReadOnlyList<Iteration> IterationsOf(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method.OriginalDefinition;
        return _calleeIterations.TryGetValue(method, out var iterations) ? iterations : [];
    }

    private readonly Dictionary<IMethodSymbol, List<Iteration>> _calleeIterations = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Whether the method of an iteration of <see cref="IterationsOf"/> hands its batches on (<see cref="EpochFlow.HandsOnBatches"/>:
    /// <c>foreach (var b in loader) yield return b;</c>): the body of a <c>foreach</c> over a call of it runs during the iteration.
    /// </summary>
    public bool HandsOnBatches(Iteration iteration) => _batchWrappers.Contains(iteration);

    private readonly HashSet<Iteration> _batchWrappers = [];

    /// <summary>
    /// What the constructors and methods of <paramref name="type"/> in view wire up for its fields and properties: setters
    /// handed on (subscribed to an event, added to a hook list, as in a Lightning-style <c>Configure()</c>), and, in a
    /// constructor, loaders handed to code not in view (a listener registered in a service container; not a mere test
    /// of a loader's batch sampler). Whoever calls them may set the epoch, on every pass.
    /// </summary>
    public IReadOnlyList<EpochEvent> WiredEvents(INamedTypeSymbol type)
    {
        if (_wiredEvents.TryGetValue(type, out var known)) return known;
        var events = new List<EpochEvent>();
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation } method ||
                EventsOf(method) is not { } wired)
                continue;
            bool constructor = method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor;
            events.AddRange(wired.Where(e => (e.IsDelegated || constructor && IsRegistration(e)) && e.Symbol is IFieldSymbol or IPropertySymbol));
        }
        return _wiredEvents[type] = events;
    }

    /// <summary>
    /// A loader handed by a constructor to code that may keep it: a creation or an instance call (a registry, a list), not
    /// a static call such as <c>Console.WriteLine(_train)</c> (extension methods, <c>services.AddSingleton(_train)</c>, count).
    /// </summary>
    private static bool IsRegistration(EpochEvent e) =>
        e.IsHandedOn && e.Target == EpochTarget.WholeLoader && e.Site is not IInvocationOperation { TargetMethod: { IsStatic: true, IsExtensionMethod: false } };

    private readonly Dictionary<INamedTypeSymbol, IReadOnlyList<EpochEvent>> _wiredEvents = new(SymbolEqualityComparer.Default);

    /// <summary>The receiver of a C# 14 <c>extension(EpochDataLoader l) { … }</c> block's member: a parameter of the block, not of the method.</summary>
    public static bool IsReceiverOf(IParameterSymbol parameter, IMethodSymbol method) =>
        parameter.ContainingSymbol is INamedTypeSymbol block && KnownTypes.Is(block.OriginalDefinition, method.ContainingType.OriginalDefinition);

    /// <summary>
    /// The values a field or property is given in view: its initializer, an expression-bodied getter, and the
    /// assignments to it in its type's declarations in this file. Unknown when the type is declared elsewhere too.
    /// </summary>
    public (IReadOnlyList<IOperation> Values, bool Unknown) MemberValues(ISymbol member)
    {
        if (_memberValues.TryGetValue(member, out var known)) return (known.Values, known.Unknown);
        var values = new List<IOperation>();
        bool unknown = member.ContainingType is not { } type || type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != Model.SyntaxTree) || type.DeclaringSyntaxReferences.IsEmpty;
        if (!unknown)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax(CancellationToken);
                var initial = node switch
                {
                    VariableDeclaratorSyntax { Initializer.Value: { } value } => value,
                    PropertyDeclarationSyntax { Initializer.Value: { } value } => value,
                    PropertyDeclarationSyntax { ExpressionBody.Expression: { } getter } => getter,
                    _ => null,
                };
                if (initial is not null && Model.GetOperation(initial, CancellationToken) is { } operation) values.Add(operation);
                if (node is ParameterSyntax || node is PropertyDeclarationSyntax { AccessorList: { } accessors } && accessors.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
                    unknown = true; // a record's positional property, or a property with code of its own
            }
            foreach (var declaration in member.ContainingType!.DeclaringSyntaxReferences.Select(r => r.GetSyntax(CancellationToken)))
                unknown |= !AddAssignedValues(member, declaration, values);
        }
        _memberValues[member] = known = new MemberValueSet(values, unknown || values.Count == 0);
        return (known.Values, known.Unknown);
    }

    /// <summary>
    /// The values a local of this file is given in the statement or block that declares it (its scope): its initializer
    /// and its assignments, found where the text names it rather than by building that member's flow. Asked for a local
    /// of another member, read through what it built (a constructor's <c>ISampler sampler;</c> assigned in an
    /// <c>if</c>/<c>else</c>, read through the field it was handed to).
    /// </summary>
    public (IReadOnlyList<IOperation> Values, bool Unknown) LocalValues(ILocalSymbol local)
    {
        if (_memberValues.TryGetValue(local, out var known)) return (known.Values, known.Unknown);
        var values = new List<IOperation>();
        bool unknown = true;
        if (local.DeclaringSyntaxReferences.FirstOrDefault() is { } reference && reference.SyntaxTree == Model.SyntaxTree &&
            reference.GetSyntax(CancellationToken) is VariableDeclaratorSyntax declarator &&
            declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax or SwitchStatementSyntax or ForStatementSyntax or UsingStatementSyntax or FixedStatementSyntax or CompilationUnitSyntax) is { } scope)
        {
            if (declarator.Initializer?.Value is { } initial && Model.GetOperation(initial, CancellationToken) is { } operation) values.Add(operation);
            unknown = !AddAssignedValues(local, scope, values);
        }
        _memberValues[local] = known = new MemberValueSet(values, unknown);
        return (known.Values, known.Unknown);
    }

    /// <summary>
    /// Adds the values <paramref name="member"/> is given by assignments in <paramref name="declaration"/>: <c>X = v</c>,
    /// <c>this.X = v</c> (<c>Trainer.X = v</c> when static), <c>X ??= v</c> and <c>(X, Y) = (v, w)</c>, found where its text holds the name rather than by
    /// walking every node of the type. False when a deconstruction gives it a value that is no tuple literal, or a <c>ref</c> or
    /// <c>out</c> argument one not in view.
    /// </summary>
    private bool AddAssignedValues(ISymbol member, SyntaxNode declaration, List<IOperation> values)
    {
        string name = member.Name;
        foreach (int i in SyntaxFilter.Occurrences(_text, name, declaration.SpanStart, declaration.Span.End, []))
        {
            var token = declaration.FindToken(i);
            if (token.SpanStart != i || token.ValueText != name || token.Parent is not IdentifierNameSyntax identifier) continue;
            // X, this.X, or Trainer.X for a static member (Model.GetSymbolInfo only then).
            ExpressionSyntax left = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier &&
                                    (access.Expression is ThisExpressionSyntax || member.IsStatic && Model.GetSymbolInfo(access.Expression, CancellationToken).Symbol is INamedTypeSymbol)
                ? access : identifier;
            if (left.Parent is AssignmentExpressionSyntax assignment && assignment.Left == left)
            {
                switch (Model.GetOperation(assignment, CancellationToken))
                {
                    case ISimpleAssignmentOperation simple when KnownTypes.Is(simple.Target.ReferencedSymbol(), member):
                        values.Add(simple.Value);
                        break;
                    case ICoalesceAssignmentOperation lazy when KnownTypes.Is(lazy.Target.ReferencedSymbol(), member):
                        values.Add(lazy.Value);
                        break;
                }
            }
            // A ref or out argument (TryCreate(n, out sampler)) gives it a value not in view.
            else if (left.Parent is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword or (int)SyntaxKind.RefKeyword })
                return false;
            else if (left.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax } element && Deconstruction(element) is { } deconstruction)
            {
                var operation = Model.GetOperation(deconstruction, CancellationToken) as IDeconstructionAssignmentOperation;
                if (operation is null || ValueOf(operation.Target, operation.Value, left) is not { } value) return false;
                values.Add(value);
            }
        }
        return true;
    }

    /// <summary>The deconstruction whose target tuple holds <paramref name="element"/>, at any depth: <c>(X, (Y, Z)) = …</c>.</summary>
    private static AssignmentExpressionSyntax? Deconstruction(ArgumentSyntax element)
    {
        SyntaxNode node = element.Parent!;
        while (node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax outer }) node = outer;
        return node.Parent is AssignmentExpressionSyntax assignment && assignment.Left == node ? assignment : null;
    }

    /// <summary>The part of a deconstruction's value that goes to <paramref name="target"/>; null when the value is no tuple literal there.</summary>
    private static IOperation? ValueOf(IOperation targets, IOperation value, SyntaxNode target)
    {
        targets = targets is IDeclarationExpressionOperation declaration ? declaration.Expression : targets;
        if (targets.Syntax == target) return value;
        if (targets is not ITupleOperation tuple || value.WalkDown() is not ITupleOperation values || values.Elements.Length != tuple.Elements.Length) return null;
        for (int i = 0; i < tuple.Elements.Length; i++)
            if (tuple.Elements[i].Syntax.Span.Contains(target.Span)) return ValueOf(tuple.Elements[i], values.Elements[i], target);
        return null;
    }

    /// <summary>A class, not a tuple of a list and a flag: a generic type over a value type is compiled by the JIT in every build.</summary>
    private sealed class MemberValueSet(IReadOnlyList<IOperation> values, bool unknown)
    {
        public IReadOnlyList<IOperation> Values { get; } = values;
        public bool Unknown { get; } = unknown;
    }

    public LoaderFacts MemberFacts(ISymbol member, ITypeSymbol? type, EpochFlow flow)
    {
        if (!_memberFacts.TryGetValue(member, out var facts)) _memberFacts[member] = facts = new LoaderFacts(member, type, flow);
        return facts;
    }
}
