using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Composer.Analyzers.Model;

/// <summary>
/// The .editorconfig options of the rules, read per syntax tree:
/// <c>composer_analyzers.loader_types</c> (fully qualified names of the user's own loader types, comma separated) and
/// <c>composer_analyzers.epoch_setters</c> (names of the user's own epoch-setting methods, comma separated).
/// </summary>
internal sealed class AnalyzerSettings
{
    public const string LoaderTypesKey = "composer_analyzers.loader_types";
    public const string EpochSettersKey = "composer_analyzers.epoch_setters";

    private static readonly ImmutableHashSet<string> BuiltInSetters = ImmutableHashSet.Create(StringComparer.Ordinal, "SetEpoch", "set_epoch");

    public static AnalyzerSettings Default { get; } = new(ImmutableHashSet<string>.Empty, BuiltInSetters, hasExtraSetters: false);

    private readonly ImmutableHashSet<string> _loaderTypes;

    private readonly string[] _setters; // searched for every call in a training loop: a short array beats a hash set of strings

    private AnalyzerSettings(ImmutableHashSet<string> loaderTypes, ImmutableHashSet<string> setters, bool hasExtraSetters)
    {
        _loaderTypes = loaderTypes;
        _setters = setters.ToArray();
        HasExtraSetters = hasExtraSetters;
    }

    /// <summary>Method names that set an epoch: the built-in ones and the user's, each once.</summary>
    public IReadOnlyList<string> SetterNames => _setters;

    /// <summary>Whether the user listed setters of their own: even <c>epoch_setters = SetEpoch</c> makes their own static <c>SetEpoch</c> helpers setters.</summary>
    public bool HasExtraSetters { get; }

    public bool IsSetterName(string name)
    {
        foreach (var setter in _setters)
            if (string.Equals(setter, name, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The simple names of the user's own loader types, for the text filter.</summary>
    public IEnumerable<string> LoaderTypeNames => _loaderTypes.Select(n => n.Substring(n.LastIndexOf('.') + 1));

    /// <summary>Whether <paramref name="type"/> is named in <c>loader_types</c>, or derives from or implements a type that is.</summary>
    public bool IsExtraLoaderType(ITypeSymbol type)
    {
        if (_loaderTypes.IsEmpty) return false;
        for (var t = type; t is not null; t = t.BaseType)
            if (IsNamed(t)) return true;
        foreach (var implemented in type.AllInterfaces)
            if (IsNamed(implemented)) return true;
        return false;
    }

    private bool IsNamed(ITypeSymbol type) =>
        _loaderTypes.Contains(type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)));

    /// <summary>The settings that apply to <paramref name="tree"/>.</summary>
    public static AnalyzerSettings For(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var loaders = Split(config, LoaderTypesKey);
        var setters = Split(config, EpochSettersKey);
        return loaders.IsEmpty && setters.IsEmpty ? Default : new AnalyzerSettings(loaders, BuiltInSetters.Union(setters), hasExtraSetters: !setters.IsEmpty);
    }

    private static ImmutableHashSet<string> Split(AnalyzerConfigOptions config, string key) =>
        config.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).ToImmutableHashSet(StringComparer.Ordinal)
            : ImmutableHashSet<string>.Empty;
}
