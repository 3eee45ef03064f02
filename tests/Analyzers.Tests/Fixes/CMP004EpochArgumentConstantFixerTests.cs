using V = Composer.Analyzers.Tests.Infrastructure.VerifyFix<Composer.Analyzers.Rules.CMP004EpochArgumentConstantAnalyzer, Composer.Analyzers.CodeFixes.Rules.CMP004EpochArgumentConstantFixer>;

namespace Composer.Analyzers.Tests.Fixes;

public class CMP004EpochArgumentConstantFixerTests
{
    static string Train(string body) => $$"""
        class Program
        {
            static void Train(EpochDataLoader loader, DistributedSampler sampler, int epochs)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public Task ConstantBecomesTheLoopVariable() => V.FixAsync(
        Train("for (int epoch = 0; epoch < epochs; epoch++) { {|#0:Epochs.SetEpoch(loader, 0)|}; }"),
        Train("for (int epoch = 0; epoch < epochs; epoch++) { Epochs.SetEpoch(loader, epoch); }"),
        [V.Diagnostic().WithLocation(0).WithArguments("0")]);

    [Fact]
    public Task StaleParameterBecomesTheLoopVariable() => V.FixAsync(
        Train("for (int e = 0; e < epochs; e++) { {|#0:sampler.SetEpoch(epochs)|}; }"),
        Train("for (int e = 0; e < epochs; e++) { sampler.SetEpoch(e); }"),
        [V.Diagnostic().WithLocation(0).WithArguments("epochs")]);

    [Fact]
    public Task FixAll() => V.FixAsync(
        Train("for (int epoch = 0; epoch < epochs; epoch++) { {|#0:loader.SetEpoch(1)|}; {|#1:sampler.SetEpoch(1)|}; }"),
        Train("for (int epoch = 0; epoch < epochs; epoch++) { loader.SetEpoch(epoch); sampler.SetEpoch(epoch); }"),
        [V.Diagnostic().WithLocation(0).WithArguments("1"), V.Diagnostic().WithLocation(1).WithArguments("1")]);

    [Fact]
    public Task AWhileLoopOffersNothing() => V.NoFixAsync(
        Train("int n = 0; while (n++ < epochs) { {|#0:loader.SetEpoch(0)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("0"));
}
