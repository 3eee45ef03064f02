using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Rules;

public class CMP002EpochNeverSetTests
{
    private static readonly RuleVerifier V = new(Descriptors.CMP002EpochNeverSet);

    private static string Train(string loader, string loop) => $$"""
        class Program
        {
            static void Train(InMemoryDataset data, long[] labels, int epochs)
            {
                {{loader}}
                {{loop}}
            }
        }
        """;

    private const string Shuffled = "var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);";
    private const string EpochLoop = "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in {|#0:trainLoader|}) { } }";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(string loader = "trainLoader") => V.Diagnostic().WithLocation(0).WithArguments(loader);

    // Positive shapes.

    [Fact]
    public Task ShuffledLoaderInAForLoop() => V.AnalyzerAsync(Train(Shuffled, EpochLoop), Expected());

    [Fact]
    public Task DistributedSamplerLoader() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0));", EpochLoop), Expected());

    [Fact]
    public Task BatchSamplerLoader() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSampler: new BatchSampler(new RandomSampler(data.Count), 32));", EpochLoop), Expected());

    [Fact]
    public Task ClassBalancedLoader() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 4, 8));", EpochLoop), Expected());

    [Fact]
    public Task WhileLoop() => V.AnalyzerAsync(Train(Shuffled,
        "int epoch = 0; while (epoch < epochs) { foreach (var batch in {|#0:trainLoader|}) { } epoch++; }"), Expected());

    [Fact]
    public Task ForeachOverAnEpochRange() => V.AnalyzerAsync(Train(Shuffled,
        "foreach (var epoch in Enumerable.Range(0, epochs)) { foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    [Fact]
    public Task ResumingWithIterateFrom() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in {|#0:trainLoader.IterateFrom(0)|}) { } }"), Expected());

    [Fact]
    public Task TorchSharpLoaderWithAnEpochAwareShuffler() => V.AnalyzerAsync(Train(
        "var trainLoader = new TorchSharp.Modules.DataLoader(data, 32, new DistributedSampler(data.Count, 2, 0));", EpochLoop), Expected());

    [Fact]
    public Task SettingAnotherLoadersEpoch() => V.AnalyzerAsync(Train(
        Shuffled + " var evalLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);",
        "for (int epoch = 0; epoch < epochs; epoch++) { evalLoader.SetEpoch(epoch); foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    [Fact]
    public Task DoLoop() => V.AnalyzerAsync(Train(Shuffled,
        "int epoch = 0; do { foreach (var batch in {|#0:trainLoader|}) { } } while (++epoch < epochs);"), Expected());

    [Fact]
    public Task ExplicitEnumerator() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { using var e = {|#0:trainLoader.GetEnumerator()|}; while (e.MoveNext()) { } }"), Expected());

    // Negative shapes.

    [Fact]
    public Task ExplicitEnumeratorWithTheEpochSet() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { trainLoader.SetEpoch(epoch); using var e = trainLoader.GetEnumerator(); while (e.MoveNext()) { } }"));

    [Fact]
    public Task EpochsSetEpoch() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { Epochs.SetEpoch(trainLoader, epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task LoaderSetEpoch() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { trainLoader.SetEpoch(epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task TheSamplerVariableTheLoaderWasBuiltFrom() => V.AnalyzerAsync(Train(
        "var sampler = new DistributedSampler(data.Count, 2, 0); var trainLoader = new EpochDataLoader(data, batchSampler: new BatchSampler(sampler, 32));",
        "for (int epoch = 0; epoch < epochs; epoch++) { sampler.SetEpoch(epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task HandWrittenBatchSamplerHandling() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 4, 8));",
        "for (int epoch = 0; epoch < epochs; epoch++) { if (trainLoader.BatchSampler is IEpochAware b) b.SetEpoch(epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task SingleEpochEvaluation() => V.AnalyzerAsync(Train(Shuffled, "foreach (var batch in trainLoader) { }"));

    [Fact]
    public Task LoaderThatDoesNotShuffle() => V.AnalyzerAsync(Train(
        "var evalLoader = new EpochDataLoader(data, batchSize: 256);",
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in evalLoader) { } }"));

    [Fact]
    public Task LoaderPassedToAHelperThatSetsTheEpoch() => V.AnalyzerAsync("""
        class Program
        {
            static void Begin(EpochDataLoader loader, int epoch) => Epochs.SetEpoch(loader, epoch);
            static void Train(InMemoryDataset data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < epochs; epoch++) { Begin(trainLoader, epoch); foreach (var batch in trainLoader) { } }
            }
        }
        """);

    [Fact]
    public Task LambdaThatIsNotATrainingLoop() => V.AnalyzerAsync(Train(Shuffled,
        "for (int i = 0; i < 3; i++) { Action show = () => { foreach (var batch in trainLoader) { } }; }"));

    [Fact]
    public Task LoaderCreatedElsewhere() => V.AnalyzerAsync("""
        class Program
        {
            static void Train(EpochDataLoader trainLoader, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in trainLoader) { } }
            }
        }
        """);

    // Shapes the epoch-flow model follows.

    [Fact]
    public Task IterationInALocalFunctionTheLoopCalls() => V.AnalyzerAsync(Train(Shuffled,
        "void RunEpoch() { foreach (var batch in {|#0:trainLoader|}) { } } for (int epoch = 0; epoch < epochs; epoch++) RunEpoch();"), Expected());

    [Fact]
    public Task EpochSetInALocalFunctionTheLoopCalls() => V.AnalyzerAsync(Train(Shuffled,
        "void Prepare(int e) => trainLoader.SetEpoch(e); for (int epoch = 0; epoch < epochs; epoch++) { Prepare(epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task IterationThroughLinq() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { var first = {|#0:trainLoader.Take(2)|}.ToList(); }"), Expected());

    [Fact]
    public Task TheSecondLoaderOfAZip() => V.AnalyzerAsync(Train(Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1);",
        "for (int epoch = 0; epoch < epochs; epoch++) { trainLoader.SetEpoch(epoch); foreach (var (a, b) in trainLoader.Zip({|#0:aux|})) { } }"), Expected("aux"));

    [Fact]
    public Task ALoopOverSeveralLoadersSetsEach() => V.AnalyzerAsync(Train(Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1);",
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var l in new[] { trainLoader, aux }) l.SetEpoch(epoch); foreach (var batch in trainLoader.Zip(aux)) { } }"));

    [Fact]
    public Task AHelperInViewThatOnlyReadsTheBatchSampler() => V.AnalyzerAsync("""
        class Program
        {
            static void Log(EpochDataLoader loader) => Console.WriteLine(loader.BatchSampler.Count);
            static void Train(InMemoryDataset data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < epochs; epoch++) { Log(trainLoader); foreach (var batch in {|#0:trainLoader|}) { } }
            }
        }
        """, Expected());

    [Fact]
    public Task AGenericHelperInViewGivenAnArrayOfLoaders() => V.AnalyzerAsync("""
        class Program
        {
            static void SetAll<T>(IEnumerable<T> items, int epoch) where T : IEpochAware { foreach (var item in items) item.SetEpoch(epoch); }
            static void Train(InMemoryDataset data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < epochs; epoch++) { SetAll(new[] { trainLoader }, epoch); foreach (var batch in trainLoader) { } }
            }
        }
        """);

    [Fact]
    public Task AFreshLoaderEachEpochWithAFixedSeed() => V.AnalyzerAsync(Train("",
        "for (int epoch = 0; epoch < epochs; epoch++) { var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 7); foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    [Fact]
    public Task AFreshLoaderEachEpochSeededFromTheEpoch() => V.AnalyzerAsync(Train("",
        "for (int epoch = 0; epoch < epochs; epoch++) { var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 7 + epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task AnEvaluationSamplerThatDoesNotShuffle() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0, shuffle: false));", EpochLoop.Replace("{|#0:trainLoader|}", "trainLoader")));

    [Fact]
    public Task ALoaderFieldBuiltInTheConstructor() => V.AnalyzerAsync("""
        class Trainer
        {
            readonly EpochDataLoader _train;
            public Trainer(InMemoryDataset data) => _train = new EpochDataLoader(data, batchSize: 32, shuffle: true);
            public void Fit(int epochs) { for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in {|#0:_train|}) { } }
        }
        """, Expected("_train"));
}
