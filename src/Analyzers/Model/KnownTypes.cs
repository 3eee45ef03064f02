using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Composer.Analyzers.Model;

/// <summary>What kind of loader a type is.</summary>
internal enum LoaderKind
{
    /// <summary>Not a loader.</summary>
    None,
    /// <summary><c>EpochDataLoader</c> or <c>EpochDataLoader&lt;T, TBatch&gt;</c>: a sampler and a batch sampler.</summary>
    Epoch,
    /// <summary>TorchSharp's <c>DataLoader</c>: a shuffler (<c>sampler</c>) and no batch sampler.</summary>
    Torch,
    /// <summary>A user type recognised by shape (or named in .editorconfig), ported from PyTorch.</summary>
    Shape,
}

/// <summary>The runtime and TorchSharp types the rules look for, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    public static readonly string[] SamplerNames = ["Sampler", "sampler"];
    public static readonly string[] BatchSamplerNames = ["BatchSampler", "batch_sampler"];

    private KnownTypes(Compilation compilation) => Compilation = compilation;

    public Compilation Compilation { get; }

    /// <summary>
    /// Names of <c>System.Linq.Enumerable</c>'s methods that run through a sequence: a call by one of them on a
    /// loader iterates it. A list rather than a lookup: resolving types costs a large build a tenth of a second.
    /// </summary>
    public static IReadOnlyCollection<string> EnumerableMethodNames => EnumerableNames;

    private static readonly HashSet<string> EnumerableNames = new(
        ("Aggregate AggregateBy All Any Append AsEnumerable Average Cast Chunk Concat Contains Count CountBy DefaultIfEmpty Distinct " +
         "DistinctBy ElementAt ElementAtOrDefault Except ExceptBy First FirstOrDefault GroupBy GroupJoin Index Intersect IntersectBy " +
         "Join Last LastOrDefault LeftJoin LongCount Max MaxBy Min MinBy OfType Order OrderBy OrderByDescending OrderDescending Prepend " +
         "Reverse RightJoin Select SelectMany SequenceEqual Shuffle Single SingleOrDefault Skip SkipLast SkipWhile Sum Take TakeLast " +
         "TakeWhile ThenBy ToArray ToDictionary ToHashSet ToList ToLookup Union UnionBy Where Zip").Split(' '), StringComparer.Ordinal); // one string: a short static constructor to compile

    public static bool IsEnumerableMethodName(string name) => EnumerableNames.Contains(name);

    /// <summary>Names of source types with a sampler or batch sampler member: the user's loaders, for the text filter.</summary>
    /// <remarks>Looked up by exact name, which the compiler's declaration table answers without a scan.</remarks>
    public IReadOnlyCollection<string> ShapeLoaderNames => _shapeNames ??= new HashSet<string>(
        SamplerNames.Concat(BatchSamplerNames).SelectMany(n => Compilation.GetSymbolsWithName(n, SymbolFilter.Member))
            .Select(m => m.ContainingType?.Name).OfType<string>(), StringComparer.Ordinal);
    private HashSet<string>? _shapeNames;

    /// <summary>
    /// The words whose occurrences the text filter reads for candidates: <c>DataLoader</c> (creations, TorchSharp's
    /// factory) and the epoch setters, made once per compilation and setting rather than once per file.
    /// </summary>
    public string[] CandidateWords(AnalyzerSettings settings) =>
        _candidateWords.TryGetValue(settings, out var words) ? words : _candidateWords.GetOrAdd(settings, SyntaxFilter.CandidateWords.Concat(settings.SetterNames).Distinct(StringComparer.Ordinal).ToArray());

    /// <summary>
    /// The other words a file with a finding may hold instead: <c>Sampler</c>, <c>sampler</c> and the user's loader
    /// type names (shape loaders and those named in .editorconfig). Made when a file holds no candidate word, which
    /// training code seldom lacks: finding the shape loaders looks up the compilation's members.
    /// </summary>
    public string[] OtherWords(AnalyzerSettings settings) =>
        _otherWords.TryGetValue(settings, out var words) ? words : _otherWords.GetOrAdd(settings, SyntaxFilter.OtherWords.Concat(ShapeLoaderNames).Concat(settings.LoaderTypeNames).Distinct(StringComparer.Ordinal).ToArray());

    // The caches hold reference types only: a dictionary of a value type is a generic instantiation of its own, compiled
    // by the JIT in every build that loads the analyzer, where one of reference types shares the framework's compiled code.
    private readonly ConcurrentDictionary<AnalyzerSettings, string[]> _candidateWords = new(), _otherWords = new();
    // Many lock stripes and room to start with: files are analyzed in parallel and each adds its own types, and on a
    // busy machine a thread preempted while it holds a stripe (or grows the table, which takes every stripe) stalls the other.
    private readonly ConcurrentDictionary<ITypeSymbol, object> _kinds = new(concurrencyLevel: 64, capacity: 1024, SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, object> _epochAware = new(concurrencyLevel: 64, capacity: 256, SymbolEqualityComparer.Default);
    private static readonly object[] BoxedKinds = [LoaderKind.None, LoaderKind.Epoch, LoaderKind.Torch, LoaderKind.Shape];
    private static readonly object True = true, False = false;

    /// <summary>
    /// The rules' view of a compilation, or null when it references neither Composer.Runtime nor TorchSharp (and is
    /// neither): loaders (ours, TorchSharp's, or ported from PyTorch, which need tensors) cannot occur there.
    /// </summary>
    /// <remarks>
    /// Types are recognised by name, not looked up: resolving even a few types by metadata name is charged to the
    /// analyzer as a tenth of a second on a large build, a whole percent of it.
    /// </remarks>
    public static KnownTypes? Create(Compilation compilation) =>
        IsLoaderAssembly(compilation.AssemblyName) || References(compilation) ? new KnownTypes(compilation) : null;

    private static bool IsLoaderAssembly(string? name) =>
        string.Equals(name, "Composer.Runtime", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "TorchSharp", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the compilation references Composer.Runtime or TorchSharp, read from the references themselves (a file's
    /// name, a project's assembly name). <see cref="Compilation.ReferencedAssemblyNames"/> would bind every reference
    /// first, which a compilation-start action does before the compiler has: 0.1 s charged to the analyzer per build.
    /// </summary>
    private static bool References(Compilation compilation)
    {
        foreach (var reference in compilation.References)
        {
            var name = reference switch
            {
                CompilationReference project => project.Compilation.AssemblyName,
                PortableExecutableReference { FilePath: { } path } => Path.GetFileNameWithoutExtension(path),
                _ => null,
            };
            if (name is null) return compilation.ReferencedAssemblyNames.Any(a => IsLoaderAssembly(a.Name)); // no name to read: bind
            if (IsLoaderAssembly(name)) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="type"/> is the top-level type <c>Outer.Inner.name</c>.</summary>
    private static bool Named(ITypeSymbol? type, string name, string outer, string inner) =>
        type is { ContainingType: null } && type.Name == name &&
        type.ContainingNamespace is { Name: var n2 } ns2 && n2 == inner &&
        ns2.ContainingNamespace is { Name: var n1 } ns1 && n1 == outer && ns1.ContainingNamespace is { IsGlobalNamespace: true };

    private static bool IsRuntimeType(ITypeSymbol? type, string name) => Named(type, name, "Composer", "Data");

    public static bool IsEpochs(ITypeSymbol? type) => IsRuntimeType(type, "Epochs");

    /// <summary>
    /// A type of .NET's whose static methods only print, format or check what they are given (<c>Console.WriteLine(train)</c>,
    /// <c>Trace.WriteLine</c>, <c>Debug.Assert</c>, <c>string.Format</c>, <c>ArgumentNullException.ThrowIfNull</c>): no epoch is set there.
    /// </summary>
    private static bool OnlyReads(ITypeSymbol? type) =>
        type is { ContainingType: null, ContainingNamespace: { Name: "System" } ns } && ns.ContainingNamespace is { IsGlobalNamespace: true } &&
        type.Name is "Console" or "String" or "Object" or "ArgumentNullException" or "ArgumentException" or "GC" ||
        Named(type, "Trace", "System", "Diagnostics") || Named(type, "Debug", "System", "Diagnostics");

    /// <summary>
    /// A .NET method that only reads what it is given, neither keeping it, changing it nor setting an epoch: LINQ's
    /// (<c>Enumerable</c>), a static one of the types above, or a <c>TextWriter</c>'s <c>Write</c>/<c>WriteLine</c>
    /// (<c>Console.Error.WriteLine(train)</c>, a log file's writer).
    /// </summary>
    public static bool OnlyReads(IMethodSymbol method)
    {
        if (Named(method.ContainingType, "Enumerable", "System", "Linq")) return true;
        if (method.IsStatic) return OnlyReads(method.ContainingType);
        if (method.Name is not ("Write" or "WriteLine")) return false;
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
            if (Named(type, "TextWriter", "System", "IO")) return true;
        return false;
    }

    /// <summary>Whether <paramref name="type"/> is or implements the runtime's interface <paramref name="name"/> (<c>ISampler</c>, <c>IBatchSampler</c>, <c>IRandomizedDataset</c>).</summary>
    public static bool ImplementsRuntime(ITypeSymbol? type, string name) =>
        type is not null && (IsRuntimeType(type, name) || type.AllInterfaces.Any(i => IsRuntimeType(i, name)));
    public static bool IsDistributedSampler(ITypeSymbol? type) => IsRuntimeType(type, "DistributedSampler");
    public static bool IsBatchSampler(ITypeSymbol? type) => IsRuntimeType(type, "BatchSampler");
    public static bool IsEnumerable(ITypeSymbol? type) => Named(type, "Enumerable", "System", "Linq");

    /// <summary>
    /// A call whose result is its source sequence handed on (enumerating it enumerates the source): LINQ
    /// (<c>Enumerable</c>, <c>AsyncEnumerable</c>), or an async stream's <c>WithCancellation</c> and <c>ConfigureAwait</c>
    /// (<c>TaskAsyncEnumerableExtensions</c>, <c>ConfiguredCancelableAsyncEnumerable&lt;T&gt;</c>).
    /// </summary>
    public static bool PassesSequenceOn(IMethodSymbol method)
    {
        // As an ITypeSymbol: IsEnumerable(INamedTypeSymbol) asks whether a type is a sequence, not whether it is LINQ's Enumerable.
        if (method.ContainingType is not ITypeSymbol type) return false;
        if (method.Name is "WithCancellation" or "ConfigureAwait")
            return type.Name is "TaskAsyncEnumerableExtensions" or "ConfiguredCancelableAsyncEnumerable" && OutermostNamespace(type) == "System";
        return IsEnumerable(type) || Named(type, "AsyncEnumerable", "System", "Linq");
    }

    /// <summary><c>torch.utils.data</c>, whose <c>DataLoader(...)</c> factory builds TorchSharp loaders.</summary>
    public static bool IsTorchData(ITypeSymbol? type) =>
        type is { Name: "data", ContainingType: { Name: "utils", ContainingType: { Name: "torch" } torch } } && torch.ContainingNamespace is { Name: "TorchSharp" } ns && ns.ContainingNamespace.IsGlobalNamespace;

    /// <summary>TorchSharp's factory <c>torch.utils.data.DataLoader(…)</c>.</summary>
    public static bool IsTorchFactory(IMethodSymbol method) => method.Name == "DataLoader" && IsTorchData(method.ContainingType);

    /// <summary>
    /// A data set: a TorchSharp <c>torch.utils.data.Dataset</c>, <c>Dataset&lt;T&gt;</c> or a class derived from them
    /// (<c>InMemoryDataset</c>, <c>IterableDataset</c>, yours), or a type implementing the runtime's <c>IRandomizedDataset&lt;T&gt;</c>.
    /// </summary>
    public static bool IsDataSet(ITypeSymbol? type)
    {
        if (type is null or { SpecialType: not SpecialType.None } || type.TypeKind is not (TypeKind.Class or TypeKind.Interface or TypeKind.TypeParameter)) return false;
        for (var t = type; t is not null; t = t.BaseType)
            if (t.Name == "Dataset" && IsTorchData(t.ContainingType)) return true;
        return ImplementsRuntime(type, "IRandomizedDataset");
    }

    /// <summary>What kind of loader <paramref name="type"/> is; <paramref name="settings"/> adds the user's own loader types.</summary>
    public LoaderKind KindOf(ITypeSymbol? type, AnalyzerSettings settings)
    {
        if (type is null or { SpecialType: not SpecialType.None } or IErrorTypeSymbol) return LoaderKind.None;
        // TryGetValue first: GetOrAdd with a lambda that calls an instance method allocates a delegate on every call.
        if (!_kinds.TryGetValue(type, out var boxed)) _kinds.TryAdd(type, boxed = BoxedKinds[(int)ComputeKind(type)]);
        var kind = (LoaderKind)boxed;
        if (kind == LoaderKind.None && settings.IsExtraLoaderType(type)) return LoaderKind.Shape;
        return kind;
    }

    private LoaderKind ComputeKind(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.Enum or TypeKind.Delegate) return LoaderKind.None;
        // The runtime's loader contract, which both EpochDataLoader types implement: a variable of it holds one of ours.
        if (type.TypeKind is TypeKind.Interface) return named.Arity == 1 && IsRuntimeType(named, "IDataLoader") ? LoaderKind.Epoch : LoaderKind.None;
        if (IsRuntimeType(named, "EpochDataLoader") && named.Arity is 0 or 2) return LoaderKind.Epoch;
        for (var t = named; t is not null; t = t.BaseType)
            if (t.Arity == 2 && Named(t, "DataLoader", "TorchSharp", "Modules")) return LoaderKind.Torch;
        // Ported from PyTorch: an enumerable type with a sampler or batch sampler member.
        if (OutermostNamespace(named) == "System") return LoaderKind.None;
        if ((Member(type, SamplerNames) is not null || Member(type, BatchSamplerNames) is not null) && IsEnumerable(named) && !YieldsIndices(named)) return LoaderKind.Shape;
        return LoaderKind.None;
    }

    /// <summary>The first name of a type's namespace ("System" for System.Collections.Generic), without formatting it.</summary>
    private static string? OutermostNamespace(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace) return null;
        while (ns.ContainingNamespace is { IsGlobalNamespace: false } outer) ns = outer;
        return ns.Name;
    }

    private static bool IsEnumerable(INamedTypeSymbol type) =>
        type.AllInterfaces.Any(i => i.SpecialType is SpecialType.System_Collections_IEnumerable || i.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T) ||
        HasMember(type, "GetEnumerator");

    /// <summary>A sampler or batch sampler (a <c>BatchSampler</c> has a <c>Sampler</c> too): it yields indices, not batches of data.</summary>
    private static bool YieldsIndices(INamedTypeSymbol type) =>
        type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T && IsIndex(i.TypeArguments[0]));

    /// <summary>A sequence of indices or of index batches as a declared type (<c>IEnumerable&lt;long&gt;</c>, <c>IEnumerable&lt;long[]&gt;</c>): what a ported loader may take its sampler as.</summary>
    public static bool IsIndexSequence(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Interface, OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } sequence && IsIndex(sequence.TypeArguments[0]);

    private static bool IsIndex(ITypeSymbol element) =>
        element.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 ||
        element is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } ||
        element is INamedTypeSymbol { IsGenericType: true } list && list.TypeArguments.Length == 1 && list.TypeArguments[0].SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;

    private static bool HasMember(ITypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (!t.GetMembers(name).IsEmpty) return true;
        return false;
    }

    /// <summary>The property or field of <paramref name="type"/> (or a base) with one of the names.</summary>
    public static ISymbol? Member(ITypeSymbol type, string[] names)
    {
        for (var t = type; t is not null; t = t.BaseType)
            foreach (var name in names)
                foreach (var member in t.GetMembers(name))
                    if (member is IPropertySymbol or IFieldSymbol) return member;
        return null;
    }

    /// <summary>
    /// What a fix calls, instead of <c>Epochs.SetEpoch</c>, to set the whole of a loader of the user's own
    /// (<see cref="LoaderKind.Shape"/>): its one epoch method by a name from <c>epoch_setters</c> (<c>Reshuffle</c>), which
    /// <c>Epochs.SetEpoch</c> cannot call, on the loader or on its parts. Only when the type has no <c>SetEpoch</c>,
    /// <c>set_epoch</c> or <c>IEpochAware</c> of its own (<c>Epochs.SetEpoch</c> reaches those), and the method is public or
    /// internal, takes an <c>int</c>, returns nothing, is not obsolete, is the only such name, and is not
    /// <paramref name="within"/> or a method that calls it (the fix would recurse). Empty when a type named in
    /// <c>loader_types</c> has no setter at all nor a member named like a loader's part: <c>Epochs.SetEpoch</c> would set
    /// nothing, so no fix. Null otherwise: <c>Epochs.SetEpoch</c>.
    /// </summary>
    public static string? OwnSetter(ITypeSymbol type, LoaderKind kind, AnalyzerSettings settings, ISymbol? within)
    {
        if (kind != LoaderKind.Shape) return null;
        if (type.AllInterfaces.Any(i => IsRuntimeType(i, "IEpochAware"))) return null;
        bool parts = false;
        IMethodSymbol? own = null;
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                parts |= member is IPropertySymbol or IFieldSymbol && PartNames.Contains(member.Name);
                if (member is not IMethodSymbol method || !IsEpochSetterShape(method, settings)) continue;
                if (method.Name is "SetEpoch" or "set_epoch") return null;
                if (method.Parameters[0].Type.SpecialType != SpecialType.System_Int32 || !method.ReturnsVoid ||
                    method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal) ||
                    method.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute")) continue;
                if (own is not null && own.Name != method.Name) return null; // two names: which one sets the epoch is a guess
                own ??= method;
            }
        }
        if (own is not null) return Reenters(own, within) ? null : own.Name;
        return parts || !settings.IsExtraLoaderType(type) ? null : "";
    }

    /// <summary>Whether <paramref name="within"/> is <paramref name="setter"/> or is named in its body (as a call would name it).</summary>
    private static bool Reenters(IMethodSymbol setter, ISymbol? within) =>
        within is not null && (Is(setter, within) || setter.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax>().Any(n => n.Identifier.ValueText == within.Name)));

    /// <summary>The member names under which <c>Epochs.SetEpoch</c> looks for a loader's batch sampler, sampler and data set.</summary>
    private static readonly ImmutableHashSet<string> PartNames = ImmutableHashSet.Create(StringComparer.Ordinal,
        "BatchSampler", "batch_sampler", "batchSampler", "_batchSampler", "_batch_sampler", "Sampler", "sampler", "_sampler", "Dataset", "dataset", "_dataset");

    /// <summary>Whether a loader of this kind and type has a batch sampler distinct from its sampler.</summary>
    public static bool HasBatchSampler(LoaderKind kind, ITypeSymbol type) =>
        kind == LoaderKind.Epoch || (kind == LoaderKind.Shape && Member(type, BatchSamplerNames) is not null);

    /// <summary>Whether values of this type can be told the epoch (IEpochAware or a <c>SetEpoch(int)</c> method).</summary>
    public bool IsEpochAware(ITypeSymbol? type, AnalyzerSettings settings)
    {
        if (type is null or { SpecialType: not SpecialType.None } or IErrorTypeSymbol) return false;
        if (ReferenceEquals(_epochAware.GetOrAdd(type, t => IsRuntimeType(t, "IEpochAware") || t.AllInterfaces.Any(i => IsRuntimeType(i, "IEpochAware")) ||
                                                             HasSetter(t, AnalyzerSettings.Default) ? True : False), True))
            return true;
        return settings.HasExtraSetters && HasSetter(type, settings);
    }

    /// <remarks>Looks the setters up by name: asking every method of a library type for its parameters would decode all their signatures.</remarks>
    private static bool HasSetter(ITypeSymbol type, AnalyzerSettings settings)
    {
        for (var t = type; t is not null; t = t.BaseType)
            foreach (var name in settings.SetterNames)
                foreach (var member in t.GetMembers(name))
                    if (member is IMethodSymbol method && IsEpochSetterShape(method, settings)) return true;
        return false;
    }

    /// <summary><c>SetEpoch(int)</c>, <c>set_epoch(int)</c> or a setter named in .editorconfig: an instance method of one integer parameter.</summary>
    /// <remarks>The name first: it is the cheap test, and most calls fail it.</remarks>
    public static bool IsEpochSetterShape(IMethodSymbol method, AnalyzerSettings settings) =>
        settings.IsSetterName(method.Name) && !method.IsStatic && method.Parameters.Length == 1 && IsInteger(method.Parameters[0].Type);

    private static bool IsInteger(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;

    public static bool Is(ISymbol? a, ISymbol? b) => a is not null && SymbolEqualityComparer.Default.Equals(a, b);
}
