using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP006: an <c>EpochDataLoader</c> construction the runtime rejects, following PyTorch: a batch sampler excludes
/// <c>batchSize</c> other than 1, <c>shuffle: true</c>, a <c>sampler</c> and <c>dropLast: true</c>; a sampler excludes
/// <c>shuffle: true</c>. Named or positional; one diagnostic per conflicting argument, on the construction.
/// </summary>
internal static class CMP006ConflictingLoaderArguments
{
    public static void Find(IOperation creation, TreeModel tree, ImmutableArray<Diagnostic>.Builder findings)
    {
        if (tree.Types.KindOf(creation.Type, tree.Settings) != LoaderKind.Epoch) return;

        var batchSampler = Sampling.Argument(creation, "batchSampler");
        if (Sampling.IsGiven(batchSampler))
        {
            if (Sampling.Argument(creation, "batchSize") is { } batchSize && BatchSize(batchSize.Value) is { } size && size != 1)
                findings.Add(Report("batchSampler", "batchSize", "the batch sampler decides the batch size"));
            if (Sampling.IsConstant(Sampling.Argument(creation, "shuffle"), true)) findings.Add(Report("batchSampler", "shuffle", "the batch sampler decides the order"));
            if (Sampling.IsGiven(Sampling.Argument(creation, "sampler"))) findings.Add(Report("batchSampler", "sampler", "the batch sampler decides the indices"));
            if (Sampling.IsConstant(Sampling.Argument(creation, "dropLast"), true)) findings.Add(Report("batchSampler", "dropLast", "the batch sampler decides the batches"));
        }
        else if (Sampling.IsGiven(Sampling.Argument(creation, "sampler")) && Sampling.IsConstant(Sampling.Argument(creation, "shuffle"), true))
        {
            findings.Add(Report("sampler", "shuffle", "the sampler decides the order"));
        }

        Diagnostic Report(string given, string conflicting, string reason) => Diagnostic.Create(
            Descriptors.CMP006ConflictingLoaderArguments, creation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(Properties.Argument, conflicting), given, conflicting, reason);
    }

    /// <summary>A constant batch size: the argument's own constant (<c>(int)Config.Batch</c> of a <c>const long</c>), else its operand's.</summary>
    private static long? BatchSize(IOperation value)
    {
        for (var v = value; ; v = ((IConversionOperation)v).Operand)
        {
            if (v.ConstantValue is { HasValue: true, Value: int or long } constant) return Convert.ToInt64(constant.Value);
            if (v is not IConversionOperation) return null;
        }
    }
}
