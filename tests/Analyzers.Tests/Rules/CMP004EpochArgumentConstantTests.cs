using V = Composer.Analyzers.Tests.Infrastructure.Verify<Composer.Analyzers.Rules.CMP004EpochArgumentConstantAnalyzer>;

namespace Composer.Analyzers.Tests.Rules;

public class CMP004EpochArgumentConstantTests
{
    static string Train(string body) => $$"""
        class Program
        {
            int _epoch;
            static void Train(EpochDataLoader loader, DistributedSampler sampler, int epochs, int start)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public Task ConstantEpoch() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { {|#0:Epochs.SetEpoch(loader, 0)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("0"));

    [Fact]
    public Task ParameterThatNeverChanges() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { {|#0:loader.SetEpoch(epochs)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("epochs"));

    [Fact]
    public Task LocalSetBeforeTheLoop() => V.AnalyzerAsync(Train("int e = start; for (int epoch = 0; epoch < epochs; epoch++) { {|#0:sampler.SetEpoch(e)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("e"));

    [Fact]
    public Task ConstantInAWhileLoop() => V.AnalyzerAsync(Train("int epoch = 0; while (epoch++ < epochs) { {|#0:sampler.SetEpoch(1)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("1"));

    [Fact]
    public Task LoopVariable() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { loader.SetEpoch(epoch); }"));

    [Fact]
    public Task DerivedFromTheLoopVariable() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { Epochs.SetEpoch(loader, start + epoch); }"));

    [Fact]
    public Task CounterIncrementedInTheLoop() => V.AnalyzerAsync(Train("int e = 0; while (e < epochs) { sampler.SetEpoch(e); e++; }"));

    [Fact]
    public Task OutsideAnyLoop() => V.AnalyzerAsync(Train("loader.SetEpoch(0);"));

    [Fact]
    public Task InnerBatchLoopOfAnEpochLoop() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { foreach (var b in new[] { 1, 2 }) sampler.SetEpoch(epoch); }"));
}
