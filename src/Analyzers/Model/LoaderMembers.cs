using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>Names and shapes of loader parts and epoch setters, as written in C# and in code ported from PyTorch.</summary>
internal static class LoaderMembers
{
    public static readonly string[] SamplerNames = ["Sampler", "sampler"];
    public static readonly string[] BatchSamplerNames = ["BatchSampler", "batch_sampler"];

    /// <summary><c>SetEpoch(int)</c> or <c>set_epoch(int)</c>, an instance method.</summary>
    public static bool IsEpochSetter(IMethodSymbol method) =>
        method.Name is "SetEpoch" or "set_epoch" && !method.IsStatic && method.Parameters.Length == 1;

    /// <summary><c>x.Sampler</c> / <c>x.BatchSampler</c> (property or field) with its loader instance.</summary>
    public static bool IsPart(IOperation operation, string[] names, out IOperation? loader)
    {
        loader = null;
        switch (operation)
        {
            case IPropertyReferenceOperation { Instance: { } instance } property when names.Contains(property.Property.Name):
                loader = instance;
                return true;
            case IFieldReferenceOperation { Instance: { } instance } field when names.Contains(field.Field.Name):
                loader = instance;
                return true;
            default:
                return false;
        }
    }
}
