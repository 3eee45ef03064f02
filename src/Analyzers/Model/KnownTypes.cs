using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Composer.Analyzers.Model;

/// <summary>The runtime and TorchSharp types the rules look for, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    KnownTypes(Compilation compilation)
    {
        EpochDataLoader = compilation.GetTypeByMetadataName("Composer.Data.EpochDataLoader");
        TypedEpochDataLoader = compilation.GetTypeByMetadataName("Composer.Data.EpochDataLoader`2");
        IEpochAware = compilation.GetTypeByMetadataName("Composer.Data.IEpochAware");
        Epochs = compilation.GetTypeByMetadataName("Composer.Data.Epochs");
        TorchDataLoader = compilation.GetTypeByMetadataName("TorchSharp.Modules.DataLoader");
        TorchDataLoaderOfT = compilation.GetTypeByMetadataName("TorchSharp.Modules.DataLoader`2");
    }

    public INamedTypeSymbol? EpochDataLoader { get; }
    public INamedTypeSymbol? TypedEpochDataLoader { get; }
    public INamedTypeSymbol? IEpochAware { get; }
    public INamedTypeSymbol? Epochs { get; }
    public INamedTypeSymbol? TorchDataLoader { get; }
    public INamedTypeSymbol? TorchDataLoaderOfT { get; }

    // Every foreach asks about its collection's type: answer each type once per compilation.
    readonly ConcurrentDictionary<ITypeSymbol, bool> _isLoader = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The known types, or null when the compilation references neither Composer.Runtime nor TorchSharp:
    /// loaders (ours, TorchSharp's, or ported from PyTorch, which need tensors) cannot occur there.
    /// </summary>
    public static KnownTypes? Create(Compilation compilation)
    {
        var types = new KnownTypes(compilation);
        return types.IEpochAware is null && types.TorchDataLoaderOfT is null ? null : types;
    }

    /// <summary>EpochDataLoader or its typed sibling.</summary>
    public bool IsEpochDataLoader(ITypeSymbol? type) =>
        type is INamedTypeSymbol named &&
        (SymbolEqualityComparer.Default.Equals(named, EpochDataLoader) || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, TypedEpochDataLoader));

    /// <summary>TorchSharp's DataLoader or DataLoader&lt;T, S&gt;.</summary>
    public bool IsTorchDataLoader(ITypeSymbol? type)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, TorchDataLoaderOfT)) return true;
        return false;
    }

    /// <summary>
    /// A loader: ours, TorchSharp's, or by shape any type with a sampler and a batch sampler member
    /// (code ported from PyTorch spells them Sampler/BatchSampler or sampler/batch_sampler).
    /// </summary>
    public bool IsLoader(ITypeSymbol? type) =>
        type is not null && _isLoader.GetOrAdd(type, t => IsEpochDataLoader(t) || IsTorchDataLoader(t) ||
                             (HasMember(t, LoaderMembers.SamplerNames) && HasMember(t, LoaderMembers.BatchSamplerNames)));

    static bool HasMember(ITypeSymbol type, string[] names)
    {
        for (var t = type; t is not null; t = t.BaseType)
            foreach (var name in names)
                if (t.GetMembers(name).Any(m => m is IPropertySymbol or IFieldSymbol)) return true;
        return false;
    }

    /// <summary>Whether values of this type can be told the epoch (IEpochAware or a SetEpoch(int) method).</summary>
    public bool IsEpochAware(ITypeSymbol? type)
    {
        if (type is null) return false;
        if (IEpochAware is not null && (SymbolEqualityComparer.Default.Equals(type, IEpochAware) || type.AllInterfaces.Contains(IEpochAware, SymbolEqualityComparer.Default)))
            return true;
        for (var t = type; t is not null; t = t.BaseType)
            if (t.GetMembers().OfType<IMethodSymbol>().Any(LoaderMembers.IsEpochSetter)) return true;
        return false;
    }
}
