using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Rules;

public class CMP006ConflictingLoaderArgumentsTests
{
    private static readonly RuleVerifier V = new(Descriptors.CMP006ConflictingLoaderArguments);

    private static string Program(string arguments) => $$"""
        class Program
        {
            static void Main(InMemoryDataset data, IBatchSampler batches, ISampler indices)
            {
                var loader = {|#0:new EpochDataLoader(data, {{arguments}})|};
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(string given, string conflicting, string reason) =>
        V.Diagnostic().WithLocation(0).WithArguments(given, conflicting, reason);

    [Fact]
    public Task BatchSamplerWithBatchSize() => V.AnalyzerAsync(Program("batchSize: 32, batchSampler: batches"),
        Expected("batchSampler", "batchSize", "the batch sampler decides the batch size"));

    [Fact]
    public Task BatchSamplerWithShuffle() => V.AnalyzerAsync(Program("shuffle: true, batchSampler: batches"),
        Expected("batchSampler", "shuffle", "the batch sampler decides the order"));

    [Fact]
    public Task BatchSamplerWithSamplerAndDropLast() => V.AnalyzerAsync(Program("sampler: indices, batchSampler: batches, dropLast: true"),
        Expected("batchSampler", "sampler", "the batch sampler decides the indices"),
        Expected("batchSampler", "dropLast", "the batch sampler decides the batches"));

    [Fact]
    public Task SamplerWithShuffle() => V.AnalyzerAsync(Program("batchSize: 32, shuffle: true, sampler: indices"),
        Expected("sampler", "shuffle", "the sampler decides the order"));

    /// <summary>Held-out round Research asked: a size the compiler folds from constants is a constant, and a batch sampler chosen by <c>?:</c> with <c>null</c> may be given.</summary>
    [Theory]
    [InlineData("batchSize: Way * (Shot + Query), batchSampler: batches")]
    [InlineData("batchSize: 64, batchSampler: data.Count > 0 ? batches : null")]
    public Task BatchSizeFoldedFromConstantsOrBatchSamplerMaybeNull(string arguments) =>
        V.AnalyzerAsync(Program(arguments).Replace("class Program\n{", "class Program\n{\n    const int Way = 5, Shot = 2, Query = 3;"),
            Expected("batchSampler", "batchSize", "the batch sampler decides the batch size"));

    [Fact]
    public Task BatchSamplerAlone() => V.AnalyzerAsync(Program("batchSampler: batches").Replace("{|#0:", "").Replace(")|}", ")"));

    [Fact]
    public Task BatchSamplerWithBatchSizeOne() => V.AnalyzerAsync(Program("batchSize: 1, shuffle: false, batchSampler: batches").Replace("{|#0:", "").Replace(")|}", ")"));

    [Fact]
    public Task SamplerWithoutShuffle() => V.AnalyzerAsync(Program("batchSize: 16, sampler: indices, dropLast: true").Replace("{|#0:", "").Replace(")|}", ")"));

    [Fact]
    public Task NullBatchSampler() => V.AnalyzerAsync(Program("batchSize: 16, shuffle: true, batchSampler: null").Replace("{|#0:", "").Replace(")|}", ")"));

    [Fact]
    public Task BatchSizeAsACastConstant() => V.AnalyzerAsync("""
        class Program
        {
            const long PerDevice = 64;
            static void Main(InMemoryDataset data, IBatchSampler batches)
            {
                var loader = {|#0:new EpochDataLoader(data, batchSize: (int)PerDevice, batchSampler: batches)|};
            }
        }
        """, Expected("batchSampler", "batchSize", "the batch sampler decides the batch size"));
}
