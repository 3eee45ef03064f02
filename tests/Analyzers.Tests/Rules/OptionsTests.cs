using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Rules;

/// <summary>The .editorconfig options: the user's own loader types and epoch setters.</summary>
public class OptionsTests
{
    private static readonly RuleVerifier V = new(Descriptors.CMP002EpochNeverSet);

    // A loader of the user's own with no Sampler/BatchSampler member: not recognised by shape.
    private const string Feeder = """
        class Feeder(InMemoryDataset data, ISampler order) : IEnumerable<Dictionary<string, Tensor>>
        {
            public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() { foreach (var i in order) yield return new() { ["data"] = data.Columns["data"][i] }; }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
        """;

    private static string FeederLoop(string set) => Feeder + $$"""
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var order = new DistributedSampler(data.Count, 2, 0);
                var feeder = new Feeder(data, order);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{set}}
                    foreach (var batch in {|#0:feeder|}) { }
                }
            }
        }
        """;

    [Fact]
    public Task AnUnrecognisedLoaderTypeIsNotJudged() => V.AnalyzerAsync(FeederLoop("").Replace("{|#0:feeder|}", "feeder"));

    [Fact]
    public Task ALoaderTypeNamedInEditorConfigIsJudged() => V.AnalyzerAsync(FeederLoop(""),
        "composer_analyzers.loader_types = Feeder", V.Diagnostic().WithLocation(0).WithArguments("feeder"));

    [Fact]
    public Task ALoaderTypeNamedInEditorConfigWhoseSamplerIsSet() => V.AnalyzerAsync(FeederLoop("order.SetEpoch(epoch);").Replace("{|#0:feeder|}", "feeder"),
        "composer_analyzers.loader_types = Feeder");

    // A sampler of the user's own whose epoch setter has another name.
    private static string CustomSetterLoop(string set) => $$"""
        class Reshuffler(long length) : ISampler
        {
            int _round;
            public long Count => length;
            public void Advance(int round) => _round = round;
            public IEnumerator<long> GetEnumerator() { var g = new Random(_round); for (long i = 0; i < length; i++) yield return g.NextInt64(length); }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var order = new Reshuffler(data.Count);
                var loader = new EpochDataLoader(data, batchSize: 32, sampler: order);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{set}}
                    foreach (var batch in {|#0:loader|}) { }
                }
            }
        }
        """;

    [Fact]
    public Task ASamplerWithoutAKnownSetterIsNotJudged() => V.AnalyzerAsync(CustomSetterLoop("").Replace("{|#0:loader|}", "loader"));

    [Fact]
    public Task ASetterNamedInEditorConfigMakesTheSamplerEpochAware() => V.AnalyzerAsync(CustomSetterLoop(""),
        "composer_analyzers.epoch_setters = Advance", V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task CallingTheNamedSetterSetsTheEpoch() => V.AnalyzerAsync(CustomSetterLoop("order.Advance(epoch);").Replace("{|#0:loader|}", "loader"),
        "composer_analyzers.epoch_setters = Advance, Rewind");

    // A static helper of the user's own with a built-in setter's name.
    private const string StaticHelperLoop = """
        static class LoaderUtils
        {
            // Its body is not read for a setter (it hands the loader to no code): only its name, when the option lists it, makes it one.
            public static void SetEpoch(object loader, int epoch) => Console.WriteLine($"{epoch}");
        }
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var loader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    LoaderUtils.SetEpoch(loader, epoch);
                    foreach (var batch in {|#0:loader|}) { }
                }
            }
        }
        """;

    [Fact]
    public Task AStaticHelperNamedSetEpochIsNotASetterWithoutTheOption() => V.AnalyzerAsync(StaticHelperLoop, V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task ListingOnlyABuiltInNameMakesStaticHelpersSetters() => V.AnalyzerAsync(StaticHelperLoop.Replace("{|#0:loader|}", "loader"),
        "composer_analyzers.epoch_setters = SetEpoch");

    /// <summary>
    /// A static helper the option names sets the epoch only when it is handed a loader and an integer:
    /// <c>LoaderUtils.SetEpoch("warmup", epoch)</c> and <c>LoaderUtils.SetEpoch(loader, "warmup")</c> set none (Stryker on
    /// EpochFlow: mutants that took the first loader and the first integer for granted survived).
    /// </summary>
    [Theory]
    [InlineData("LoaderUtils.SetEpoch(\"warmup\", epoch);")]
    [InlineData("LoaderUtils.SetEpoch(loader, \"warmup\");")]
    public Task ANamedStaticHelperHandedNoLoaderOrNoIntegerSetsNothing(string call) => V.AnalyzerAsync(
        StaticHelperLoop.Replace("LoaderUtils.SetEpoch(loader, epoch);", call)
            .Replace("    public static void SetEpoch(object loader, int epoch)", "    public static void SetEpoch(object loader, string phase) => Console.WriteLine(phase);\n    public static void SetEpoch(object loader, int epoch)"),
        "composer_analyzers.epoch_setters = SetEpoch", V.Diagnostic().WithLocation(0).WithArguments("loader"));
}
