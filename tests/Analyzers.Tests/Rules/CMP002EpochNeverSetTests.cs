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

    /// <summary>
    /// A batch sampler of the user's that is not epoch-aware but draws from a sampler it is handed (a port of torchvision's
    /// <c>GroupedBatchSampler(sampler, groupIds, batchSize)</c>) has that sampler's order (held-out round Buckets).
    /// </summary>
    [Theory]
    [InlineData("var trainLoader = new EpochDataLoader(data, batchSampler: new GroupedBatchSampler(new DistributedSampler(data.Count, 2, 0), labels, 32));", true)]
    [InlineData("var shard = new DistributedSampler(data.Count, 2, 0); var trainLoader = new EpochDataLoader(data, batchSampler: new GroupedBatchSampler(shard, labels, 32));", true)]
    [InlineData("var trainLoader = new EpochDataLoader(data, batchSampler: new GroupedBatchSampler(new DistributedSampler(data.Count, 2, 0, shuffle: false), labels, 32));", false)]
    [InlineData("var trainLoader = new EpochDataLoader(data, batchSampler: new GroupedBatchSampler(new SequentialSampler(data.Count), labels, 32));", false)]
    public Task ABatchSamplerOfYoursOverAShufflingSampler(string loader, bool flagged) => V.AnalyzerAsync(Train(loader, EpochLoop) + GroupedBatchSampler, flagged ? [Expected()] : []);

    /// <summary>An epoch-aware sampler of the user's made with <c>shuffle: false</c> keeps one order, as <c>DistributedSampler(…, shuffle: false)</c> does (held-out round Buckets).</summary>
    [Theory]
    [InlineData("shuffle: false", false)]
    [InlineData("shuffle: true", true)]
    [InlineData("", true)]
    public Task AnEpochAwareSamplerOfYoursMadeNotToShuffle(string shuffle, bool flagged) => V.AnalyzerAsync(Train(
        $"var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: new BucketSampler(data.Count{(shuffle == "" ? "" : ", " + shuffle)}));", EpochLoop) + """

        class BucketSampler(long count, bool shuffle = true) : ISampler, IEpochAware
        {
            private int _epoch;
            public long Count => count;
            public void SetEpoch(int epoch) => _epoch = epoch;
            public IEnumerator<long> GetEnumerator()
            {
                var order = Enumerable.Range(0, (int)count).Select(i => (long)i).ToArray();
                if (shuffle) new Random(_epoch).Shuffle(order);
                return ((IEnumerable<long>)order).GetEnumerator();
            }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
        """, flagged ? [Expected()] : []);

    /// <summary>
    /// A sampler chosen by a <c>switch</c> expression depends on the epoch when one of its arms does; a loader chosen by
    /// one does when one of the loaders it may be does.
    /// </summary>
    [Theory]
    [InlineData("var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: labels.Length switch { > 1000 => new DistributedSampler(data.Count, 2, 0), _ => new SequentialSampler(data.Count) });", true)]
    [InlineData("var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: labels.Length switch { > 1000 => new SequentialSampler(data.Count / 2), _ => new SequentialSampler(data.Count) });", false)]
    [InlineData("var trainLoader = labels.Length switch { > 1000 => new EpochDataLoader(data, batchSize: 32, shuffle: true), _ => new EpochDataLoader(data, batchSize: 32) };", true)]
    public Task ASamplerOrLoaderChosenByASwitch(string loader, bool flagged) => V.AnalyzerAsync(Train(loader, flagged ? EpochLoop : EpochLoop.Replace("{|#0:trainLoader|}", "trainLoader")), flagged ? [Expected()] : []);

    /// <summary>A loader that falls back (<c>??</c>) from one that shuffles to one that does not may shuffle.</summary>
    [Fact]
    public Task ALoaderThatFallsBackFromAShufflingOne() => V.AnalyzerAsync(Train(
        "EpochDataLoader? sharded = labels.Length > 1000 ? new EpochDataLoader(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0)) : null; " +
        "var trainLoader = sharded ?? new EpochDataLoader(data, batchSize: 32);", EpochLoop), Expected());

    /// <summary>
    /// A loader made on first use (<c>??=</c>): it is what the variable held before as well as what is made, and what is made
    /// when the variable is no variable the model follows (an array's element).
    /// </summary>
    [Fact]
    public Task ALoaderMadeOnFirstUseIntoAFieldSetShuffledElsewhere() => V.AnalyzerAsync("""
        class Trainer(InMemoryDataset data)
        {
            private EpochDataLoader? _train;
            public void UseShuffledBatches() => _train = new EpochDataLoader(data, batchSize: 32, shuffle: true);
            public void Fit(int epochs)
            {
                var loader = _train ??= new EpochDataLoader(data, batchSize: 32);
                for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in {|#0:loader|}) { }
            }
        }
        """, Expected("loader"));

    [Fact]
    public Task ALoaderMadeOnFirstUseIntoAnArraysElement() => V.AnalyzerAsync(Train(
        "var folds = new EpochDataLoader?[5]; var trainLoader = folds[0] ??= new EpochDataLoader(data, batchSize: 32, shuffle: true);", EpochLoop), Expected());

    /// <summary>An explicit <c>sampler: null</c> (a port of <c>sampler=None</c>) is no sampler: the loader keeps its order.</summary>
    [Fact]
    public Task ALoaderGivenANullSampler() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: null);", EpochLoop.Replace("{|#0:trainLoader|}", "trainLoader")));

    /// <summary>A sampler variable made not to shuffle keeps one order, though its type is one that may shuffle.</summary>
    [Fact]
    public Task ASamplerVariableMadeNotToShuffle() => V.AnalyzerAsync(Train(
        "var shard = new DistributedSampler(data.Count, 2, 0, shuffle: false); var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: shard);",
        EpochLoop.Replace("{|#0:trainLoader|}", "trainLoader")));

    /// <summary>
    /// A sampler handed in as a parameter is judged by its type alone: a class that shuffles by the epoch, but not an
    /// interface (even an epoch-aware one of yours) nor a <c>BatchSampler</c> (whose order is its sampler's).
    /// </summary>
    [Theory]
    [InlineData("DistributedSampler order", "batchSize: 32, sampler: order", true)]
    [InlineData("ISampler order", "batchSize: 32, sampler: order", false)]
    [InlineData("IShuffler order", "batchSize: 32, sampler: order", false)]
    [InlineData("BatchSampler batches", "batchSampler: batches", false)]
    public Task ASamplerHandedInAsAParameter(string parameter, string arguments, bool flagged) => V.AnalyzerAsync($$"""
        interface IShuffler : ISampler, IEpochAware { }
        class Program
        {
            static void Train(InMemoryDataset data, {{parameter}}, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, {{arguments}});
                for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in {{(flagged ? "{|#0:trainLoader|}" : "trainLoader")}}) { } }
            }
        }
        """, flagged ? [Expected()] : []);

    /// <summary>
    /// A sampler made on first use the old way (<c>sampler = sampler ?? new …</c>), or kept when resuming
    /// (<c>sampler = resuming ? sampler : new …</c>): its values include itself, which the model follows only so far.
    /// </summary>
    [Theory]
    [InlineData("sampler = sampler ?? new DistributedSampler(data.Count, 2, 0);")]
    [InlineData("sampler = labels.Length == 0 ? sampler : new DistributedSampler(data.Count, 2, 0);")]
    public Task ASamplerAssignedFromItself(string assignment) => V.AnalyzerAsync(Train(
        $"ISampler? sampler = null; {assignment} var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: sampler);", EpochLoop), Expected());

    /// <summary>
    /// A batch sampler of yours made over an epoch-aware data set (augmented by the epoch) and a sampler that does not
    /// shuffle: only its samplers give it an order, not every epoch-aware thing it is handed.
    /// </summary>
    [Fact]
    public Task ABatchSamplerOfYoursOverAnEpochAwareDataSet() => V.AnalyzerAsync(Train(
        "var jittered = new JitterDataset(data); var trainLoader = new EpochDataLoader(jittered, batchSampler: new GroupedBatchSampler(new SequentialSampler(data.Count), labels, 32, jittered));",
        EpochLoop.Replace("{|#0:trainLoader|}", "trainLoader")) + GroupedBatchSampler.Replace("int batchSize)", "int batchSize, torch.utils.data.Dataset? lengths = null)") + """

        class JitterDataset(InMemoryDataset inner) : torch.utils.data.Dataset, IEpochAware
        {
            private int _epoch;
            public void SetEpoch(int epoch) => _epoch = epoch;
            public override long Count => inner.Count;
            public override Dictionary<string, Tensor> GetTensor(long index) => inner.GetTensor(index);
        }
        """);

    /// <summary>Its sampler's epoch set, or the whole loader's, handles it.</summary>
    [Theory]
    [InlineData("shard.SetEpoch(epoch);")]
    [InlineData("Epochs.SetEpoch(trainLoader, epoch);")]
    public Task ABatchSamplerOfYoursOverASamplerWhoseEpochIsSet(string setter) => V.AnalyzerAsync(Train(
        "var shard = new DistributedSampler(data.Count, 2, 0); var trainLoader = new EpochDataLoader(data, batchSampler: new GroupedBatchSampler(shard, labels, 32));",
        $"for (int epoch = 0; epoch < epochs; epoch++) {{ {setter} foreach (var batch in trainLoader) {{ }} }}") + GroupedBatchSampler);

    /// <summary>
    /// Found by Stryker on Sampling: a batch sampler of yours that wraps another (a drop-last wrapper that does not forward
    /// the epoch) has that one's order; the inner batch sampler's sampler, or the whole loader, handles it.
    /// </summary>
    [Theory]
    [InlineData("new RandomSampler(data.Count)", "", true)]
    [InlineData("new DistributedSampler(data.Count, 2, 0)", "", true)]
    [InlineData("new SequentialSampler(data.Count)", "", false)]
    [InlineData("new RandomSampler(data.Count)", "Epochs.SetEpoch(trainLoader, epoch);", false)]
    [InlineData("new RandomSampler(data.Count)", "batches.SetEpoch(epoch);", false)]
    // Red team 26: the wrapper's own shuffle: false says nothing of the order inside it.
    [InlineData("new RandomSampler(data.Count)", "", true, "shuffle: false")]
    public Task ABatchSamplerOfYoursThatWrapsAnother(string sampler, string setter, bool flagged, string wrapperShuffle = "shuffle: true") => V.AnalyzerAsync(Train(
        $"var batches = new BatchSampler({sampler}, 32); var trainLoader = new EpochDataLoader(data, batchSampler: new DropLast(batches, 32, {wrapperShuffle}));",
        $"for (int epoch = 0; epoch < epochs; epoch++) {{ {setter} foreach (var batch in {(flagged ? "{|#0:trainLoader|}" : "trainLoader")}) {{ }} }}") + """

        class DropLast(IBatchSampler inner, int batchSize, bool shuffle) : IBatchSampler
        {
            public long Count => shuffle ? inner.Count : inner.Count;
            public IEnumerator<long[]> GetEnumerator() { foreach (var b in inner) if (b.Length == batchSize) yield return b; }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
        """, flagged ? [Expected()] : []);

    private const string GroupedBatchSampler = """

        class GroupedBatchSampler(ISampler sampler, long[] groupIds, int batchSize) : IBatchSampler
        {
            public ISampler Sampler { get; } = sampler;
            public long Count => (sampler.Count + batchSize - 1) / batchSize;
            public IEnumerator<long[]> GetEnumerator()
            {
                var groups = new Dictionary<long, List<long>>();
                foreach (var i in Sampler)
                {
                    var group = groups.TryGetValue(groupIds[i], out var g) ? g : groups[groupIds[i]] = [];
                    group.Add(i);
                    if (group.Count == batchSize) { yield return [.. group]; group.Clear(); }
                }
            }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
        """;

    /// <summary>A member of the loader read inside an argument is a read, not the loader handed on: nothing may set its epoch there.</summary>
    [Fact]
    public Task AMemberReadInsideAnArgumentHandsNothingOn() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { Console.WriteLine($\"{trainLoader.Count} batches\"); foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    [Fact]
    public Task ClassBalancedLoader() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 4, 8));", EpochLoop), Expected());

    [Fact]
    public Task WhileLoop() => V.AnalyzerAsync(Train(Shuffled,
        "int epoch = 0; while (epoch < epochs) { foreach (var batch in {|#0:trainLoader|}) { } epoch++; }"), Expected());

    [Fact]
    public Task ForeachOverAnEpochRange() => V.AnalyzerAsync(Train(Shuffled,
        "foreach (var epoch in Enumerable.Range(0, epochs)) { foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    /// <summary>A resumed loop whose counter is declared before it (<c>for (; epoch &lt; epochs; epoch++)</c>) declares no variable of its own: the epoch is the counter it advances.</summary>
    [Fact]
    public Task ForLoopOverACounterDeclaredBeforeIt() => V.AnalyzerAsync(Train(Shuffled,
        "int epoch = epochs / 2; for (; epoch < epochs; epoch++) { foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    /// <summary>The flow of a member walks all its operations: a 100,000-term sum (as deep an operation tree) must not exhaust the stack.</summary>
    [Fact]
    public Task ALoopBesideAVeryDeepExpression() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { long sum = " + string.Join(" + ", Enumerable.Repeat("epoch", 100_000)) +
        "; foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

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

    [Fact]
    public Task LoaderHeldThroughTheRuntimesContract() => V.AnalyzerAsync(Train(
        "IDataLoader<Dictionary<string, Tensor>> trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);", EpochLoop), Expected());

    // Negative shapes.

    [Fact]
    public Task LoaderHeldThroughTheRuntimesContractWithItsEpochSet() => V.AnalyzerAsync(Train(
        "IDataLoader<Dictionary<string, Tensor>> trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);",
        "for (int epoch = 0; epoch < epochs; epoch++) { trainLoader.SetEpoch(epoch); foreach (var batch in trainLoader) { } }"));

    // Generated files are not the user's to fix: neither a file that says so in its header nor one .editorconfig marks.
    private const string UnmarkedEpochLoop = "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in trainLoader) { } }";

    [Fact]
    public Task GeneratedFileByItsHeader() => V.AnalyzerAsync("// <auto-generated/>\n" + Train(Shuffled, UnmarkedEpochLoop));

    [Fact]
    public Task GeneratedFileByEditorConfig() => V.AnalyzerAsync(Train(Shuffled, UnmarkedEpochLoop), "generated_code = true");

    [Fact]
    public Task GeneratedTypeByItsAttribute() => V.AnalyzerAsync("[System.CodeDom.Compiler.GeneratedCode(\"sweeps\", \"1.0\")]\n" + Train(Shuffled, UnmarkedEpochLoop));

    [Fact]
    public Task GeneratedMethodByItsAttributeBesideOneThatIsNot() => V.AnalyzerAsync($$"""
        using System.CodeDom.Compiler;
        class Program
        {
            [GeneratedCode("sweeps", "1.0")]
            static void Generated(InMemoryDataset data, int epochs)
            {
                {{Shuffled}}
                {{UnmarkedEpochLoop}}
            }
            static void Written(InMemoryDataset data, int epochs)
            {
                {{Shuffled}}
                for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in {|#0:trainLoader|}) { } }
            }
        }
        """, Expected());

    /// <summary>
    /// A file that names no loader, sampler or setter but iterates a loader type of the user's declared in another file:
    /// the text filter still looks at it, by the loader type's name.
    /// </summary>
    [Fact]
    public Task AFileThatNamesOnlyALoaderTypeDeclaredElsewhere() => V.AnalyzerAsync("""
        class Program
        {
            static void Fit(InMemoryDataset data, int epochs)
            {
                var loader = new PkLoader(data);
                for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in {|#0:loader|}) { } }
            }
        }
        """, null, ["""
        class PkLoader(InMemoryDataset data) : IEnumerable<Dictionary<string, torch.Tensor>>
        {
            public DistributedSampler Sampler { get; } = new(data.Count, 2, 0);
            public IEnumerator<Dictionary<string, torch.Tensor>> GetEnumerator() { yield break; }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
        """], Expected("loader"));

    /// <summary>The attribute on another part of a partial type marks the part that holds the loop too.</summary>
    [Fact]
    public Task GeneratedTypeByTheAttributeOnItsOtherPart() => V.AnalyzerAsync($$"""
        [System.CodeDom.Compiler.GeneratedCode("sweeps", "1.0")]
        partial class Program { }
        partial class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                {{Shuffled}}
                {{UnmarkedEpochLoop}}
            }
        }
        """);

    /// <summary>A loader handed to a call through <c>dynamic</c> goes to code not in view, which may set its epoch.</summary>
    [Fact]
    public Task LoaderHandedToADynamicCall() => V.AnalyzerAsync(Train(Shuffled + " dynamic plugin = new object();",
        "for (int epoch = 0; epoch < epochs; epoch++) { plugin.on_epoch_start(trainLoader, epoch); foreach (var batch in trainLoader) { } }"));

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

    /// <summary>
    /// The same through fields (held-out round Refactors asked): the sampler inside the batch sampler field the loader
    /// field was built from, each assigned in the constructor.
    /// </summary>
    [Theory]
    [InlineData("_shard.SetEpoch(epoch);", false)]
    [InlineData("_batches.SetEpoch(epoch);", false)]
    [InlineData("_other.SetEpoch(epoch);", true)]
    [InlineData("_shard.SetEpoch(epoch);", false, "var batches = new BatchSampler(_shard, 32); _train = new EpochDataLoader(data, batchSampler: batches);")] // red team 25: the constructor's local
    public Task TheSamplerFieldInsideTheBatchSamplerField(string setter, bool flagged, string build = "_batches = new BatchSampler(_shard, 32); _train = new EpochDataLoader(data, batchSampler: _batches);") => V.AnalyzerAsync($$"""
        class Trainer
        {
            private readonly DistributedSampler _shard, _other;
            private readonly BatchSampler _batches;
            private readonly EpochDataLoader _train;
            public Trainer(InMemoryDataset data)
            {
                _shard = new DistributedSampler(data.Count, 2, 0, seed: 3);
                _other = new DistributedSampler(data.Count, 2, 1, seed: 3);
                {{build}}
            }
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{setter}}
                    foreach (var batch in {{(flagged ? "{|#0:_train|}" : "_train")}}) { }
                }
            }
        }
        """, flagged ? [Expected("_train")] : []);

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

    /// <summary>A field built in the constructor from a local of the constructor: the local's values there decide, not its interface type.</summary>
    [Fact]
    public Task AFieldBuiltFromAConstructorsLocalSampler() => V.AnalyzerAsync("""
        class Trainer
        {
            private readonly EpochDataLoader _train;
            public Trainer(InMemoryDataset data, bool distributed)
            {
                ISampler sampler = distributed ? new DistributedSampler(data.Count, 2, 0) : new RandomSampler(data.Count);
                _train = new EpochDataLoader(data, batchSize: 32, sampler: sampler);
            }
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in {|#0:_train|}) { }
            }
        }
        """, Expected("_train"));

    /// <summary>A foreach over an iterator in view that wraps the train loader is a batch loop: a peek at another loader in it belongs to the epoch loop around.</summary>
    [Fact]
    public Task APeekInsideAForeachOverAnIteratorThatWrapsTheLoader() => V.AnalyzerAsync(Train(Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1);",
        "IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> Wrap(EpochDataLoader l) { foreach (var b in l) yield return b; } " +
        "for (int epoch = 0; epoch < epochs; epoch++) { trainLoader.SetEpoch(epoch); aux.SetEpoch(epoch); foreach (var b in Wrap(trainLoader)) { foreach (var v in aux.Take(2)) { } } }"));

    /// <summary>A local function that iterates the loader it is handed, once per call, iterates the argument at its call.</summary>
    [Fact]
    public Task ALocalFunctionThatIteratesItsParameter() => V.AnalyzerAsync(Train(Shuffled,
        "void RunEpoch(EpochDataLoader l) { foreach (var b in l) { } } for (int epoch = 0; epoch < epochs; epoch++) RunEpoch({|#0:trainLoader|});"),
        Expected());

    [Theory]
    [InlineData("void RunEpoch(EpochDataLoader l, int e) { l.SetEpoch(e); foreach (var b in l) { } } for (int epoch = 0; epoch < epochs; epoch++) RunEpoch(trainLoader, epoch);")]
    [InlineData("void RunTwice(EpochDataLoader l) { for (int i = 0; i < 2; i++) foreach (var b in l) { } } for (int epoch = 0; epoch < epochs; epoch++) RunTwice(trainLoader);")]
    public Task ALocalFunctionThatSetsItsParameterOrIteratesItInALoopOfItsOwn(string loop) => V.AnalyzerAsync(Train(Shuffled, loop));

    /// <summary>An index loop over a local array of loaders sets every element it may pick.</summary>
    [Fact]
    public Task AnIndexLoopOverALocalArraySetsEach() => V.AnalyzerAsync(Train(Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1); EpochDataLoader[] loaders = [trainLoader, aux];",
        "for (int epoch = 0; epoch < epochs; epoch++) { for (int i = 0; i < loaders.Length; i++) loaders[i].SetEpoch(epoch); foreach (var batch in trainLoader.Zip(aux)) { } }"));

    /// <summary>A constant index picks the element written there: the other loader is still never set.</summary>
    [Fact]
    public Task AConstantIndexSetsOneElementOnly() => V.AnalyzerAsync(Train(Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1); var loaders = new List<EpochDataLoader> { trainLoader, aux };",
        "for (int epoch = 0; epoch < epochs; epoch++) { loaders[0].SetEpoch(epoch); foreach (var batch in trainLoader.Zip({|#0:aux|})) { } }"), Expected("aux"));

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

    // Found by a red team.

    [Fact]
    public Task SetThroughAnEmptyPropertyPattern() => V.AnalyzerAsync(Train(
        "EpochDataLoader? trainLoader = epochs > 0 ? new EpochDataLoader(data, batchSize: 32, shuffle: true) : null;",
        "for (int epoch = 0; epoch < epochs; epoch++) { if (trainLoader is { } l) l.SetEpoch(epoch); foreach (var batch in trainLoader!) { } }"));

    [Fact]
    public Task ALocalGivenItsLoaderByCoalescingAssignment() => V.AnalyzerAsync(Train(
        "EpochDataLoader? trainLoader = null; trainLoader ??= new EpochDataLoader(data, batchSize: 32, shuffle: true);",
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    [Fact]
    public Task ALazyPropertyAndFieldsAssignedByATuple() => V.AnalyzerAsync("""
        class Trainer(InMemoryDataset data)
        {
            private EpochDataLoader? _train;
            private readonly EpochDataLoader _aux, _eval;
            public Trainer(InMemoryDataset data, int seed) : this(data) => (_aux, (_eval, _)) = (new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: seed), (new EpochDataLoader(data, batchSize: 8), 0));
            public EpochDataLoader TrainLoader => _train ??= new EpochDataLoader(data, batchSize: 32, shuffle: true);
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    foreach (var batch in {|#0:TrainLoader|}) { }
                    foreach (var batch in {|#1:_aux|}) { }
                    foreach (var batch in _eval) { }
                }
            }
        }
        """, Expected("TrainLoader"), V.Diagnostic().WithLocation(1).WithArguments("_aux"));

    [Fact]
    public Task FieldsDeconstructedFromACallAreNotInView() => V.AnalyzerAsync("""
        class Trainer
        {
            private readonly EpochDataLoader _train, _eval;
            public Trainer(InMemoryDataset data) => (_train, _eval) = Make(data);
            private static (EpochDataLoader, EpochDataLoader) Make(InMemoryDataset data) => (new EpochDataLoader(data, batchSize: 8, shuffle: true), new EpochDataLoader(data, batchSize: 8));
            public void Fit(int epochs) { for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in _train) { } }
        }
        """);

    [Fact]
    public Task APhasesLoopIsNoEpochLoop() => V.AnalyzerAsync(Train(Shuffled + " var val = new EpochDataLoader(data, batchSize: 64);", """
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            trainLoader.SetEpoch(epoch);
            foreach (var phase in new[] { "train", "val" })
            {
                if (phase == "train") foreach (var batch in trainLoader) { }
                else foreach (var batch in val) { }
            }
        }
        """));

    [Fact]
    public Task APhasesLoopOverEnumValuesWithoutTheSet() => V.AnalyzerAsync(Train(Shuffled, """
        for (int epoch = 0; epoch < epochs; epoch++)
            foreach (var phase in Enum.GetValues<DayOfWeek>())
                if (phase == DayOfWeek.Monday) foreach (var batch in {|#0:trainLoader|}) { }
        """), Expected());

    [Fact]
    public Task SetByAMemberOfAnExtensionBlockInView() => V.AnalyzerAsync("""
        static class LoaderExtensions
        {
            extension(EpochDataLoader l)
            {
                public void BeginEpoch(int e) => l.SetEpoch(e);
                public void Log(int e) => Console.WriteLine(e);
            }
        }
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var a = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                var b = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    a.BeginEpoch(epoch);
                    b.Log(epoch);
                    foreach (var batch in a) { }
                    foreach (var batch in {|#0:b|}) { }
                }
            }
        }
        """, Expected("b"));

    // Found by a white-box red team.

    [Fact]
    public Task ALoaderInAParamsArrayIsHandedOn() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { Fire(\"epoch_start\", trainLoader, epoch); foreach (var batch in trainLoader) { } }")
        .Replace("    static void Train", "    static extern void Fire(string name, params object[] args);\n    static void Train"));

    [Fact]
    public Task ASamplerChosenByCoalescing() => V.AnalyzerAsync(Train(
        "ISampler? custom = null; var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: custom ?? new DistributedSampler(data.Count, 2, 0));", EpochLoop), Expected());

    [Fact]
    public Task ASamplerChainOfSixSteps() => V.AnalyzerAsync(Train(
        "var shard = new DistributedSampler(data.Count, 2, 0); var local = new RandomSampler(data.Count); ISampler indices = epochs > 1 ? shard : local; var batches = new BatchSampler(indices, 32); var trainLoader = new EpochDataLoader(data, batchSampler: batches);",
        EpochLoop), Expected());

    [Fact]
    public Task ASkipBeforeGetEnumeratorIsOneIteration() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { using var it = {|#0:trainLoader.Skip(1).GetEnumerator()|}; while (it.MoveNext()) { } }"), Expected());

    [Fact]
    public Task ALoaderConcatenatedAfterAnotherSequence() => V.AnalyzerAsync(Train(Shuffled,
        "var replay = new List<Dictionary<string, Tensor>>(); for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in replay.Concat({|#0:trainLoader|})) { } }"), Expected());

    [Fact]
    public Task QuerySyntaxWithoutParentheses() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { var sizes = from batch in trainLoader {|#0:select batch.Count|}; foreach (var n in sizes) { } }"), Expected());

    [Fact]
    public Task DictionaryValuesSetThroughKeyValuePairs() => V.AnalyzerAsync(Train(Shuffled + " var aux = new EpochDataLoader(data, batchSize: 8, shuffle: true); var loaders = new Dictionary<string, EpochDataLoader> { [\"train\"] = trainLoader, [\"aux\"] = aux };",
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var kv in loaders) kv.Value.SetEpoch(epoch); foreach (var batch in trainLoader) { } foreach (var batch in aux) { } }"));

    [Fact]
    public Task ATrainerIteratesADataModulesLoaderInTheSameFile() => V.AnalyzerAsync("""
        class DataModule(InMemoryDataset data)
        {
            public EpochDataLoader Train { get; } = new EpochDataLoader(data, batchSize: 32, shuffle: true);
        }
        class Trainer
        {
            public void Fit(DataModule dm, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in {|#0:dm.Train|}) { }
            }
        }
        """, Expected("dm.Train"));

    // Found by mutation testing: a loader counts as reseeded per pass only when every creation of it is in the loop with a changing seed.

    [Fact]
    public Task RebuiltOnSomePassesOnly() => V.AnalyzerAsync(Train(
        "int seed = 1; var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: seed);",
        "for (int epoch = 0; epoch < epochs; epoch++) { seed++; if (epoch % 2 == 0) trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: seed); foreach (var batch in {|#0:trainLoader|}) { } }"),
        Expected());

    [Fact]
    public Task RebuiltEachPassButOneArmWithAFixedSeed() => V.AnalyzerAsync(Train("",
        "for (int epoch = 0; epoch < epochs; epoch++) { var trainLoader = epoch > 5 ? new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: epoch) : new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 3); foreach (var batch in {|#0:trainLoader|}) { } }"),
        Expected());

    /// <summary>
    /// Red team 28, by running it: a loader rebuilt on every pass with its own seed from the epoch, but given a sampler or
    /// batch sampler seeded once, replays that sampler's order (the loader's seed only seeds the sampler it makes for
    /// <c>shuffle: true</c>); a sampler seeded from the epoch, or no sampler given, changes it.
    /// </summary>
    [Theory]
    [InlineData("sampler: new RandomSampler(data.Count, seed: 7), seed: epoch", true)]
    [InlineData("batchSampler: new BatchSampler(new RandomSampler(data.Count, seed: 7), 32), seed: epoch", true)]
    [InlineData("sampler: new RandomSampler(data.Count, seed: epoch), seed: 7", false)]
    [InlineData("shuffle: true, sampler: null, seed: epoch", false)]
    [InlineData("shuffle: true, seed: epoch", false)]
    public Task RebuiltEachPassWithItsOwnSeedBesideASampler(string arguments, bool flagged) => V.AnalyzerAsync(Train("",
        $"for (int epoch = 0; epoch < epochs; epoch++) {{ var trainLoader = new EpochDataLoader(data, batchSize: 32, {arguments}); foreach (var batch in {(flagged ? "{|#0:trainLoader|}" : "trainLoader")}) {{ }} }}"),
        flagged ? [Expected()] : []);

    /// <summary>A data set built per pass with the epoch as its seed changes the samples, not the loader's fixed order.</summary>
    [Fact]
    public Task RebuiltEachPassWithAFixedSeedOverADataSetSeededByTheEpoch() => V.AnalyzerAsync("""
        class Program
        {
            static InMemoryDataset Augment(InMemoryDataset data, int seed) => data;
            static void Train(InMemoryDataset data, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    var augmented = Augment(data, seed: epoch);
                    var trainLoader = new EpochDataLoader(augmented, batchSize: 32, shuffle: true, seed: 3);
                    foreach (var batch in {|#0:trainLoader|}) { }
                }
            }
        }
        """, Expected());

    [Fact]
    public Task AGenericTrainersLoaderIteratedByItsCaller() => V.AnalyzerAsync("""
        class Trainer<TModel>(InMemoryDataset data)
        {
            public EpochDataLoader Train { get; } = new EpochDataLoader(data, batchSize: 32, shuffle: true);
        }
        class Program
        {
            static void Fit(Trainer<string> trainer, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in {|#0:trainer.Train|}) { }
            }
        }
        """, Expected("trainer.Train"));

    [Fact]
    public Task AStaticLoaderAssignedThroughItsTypeName() => V.AnalyzerAsync("""
        class Program
        {
            static EpochDataLoader? Loader;
            static void Setup(InMemoryDataset data) => Program.Loader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
            static void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in {|#0:Loader|}!) { }
            }
        }
        """, Expected("Loader"));

    [Fact]
    public Task ALoaderInAParamsSpanHandedToCodeNotInViewMayBeSet() => V.AnalyzerAsync("""
        interface IEventBus { void Publish(string topic, params ReadOnlySpan<object> payload); }
        class Program
        {
            static void Fit(IEventBus bus, InMemoryDataset data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                var other = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    bus.Publish("epoch_start", trainLoader, epoch);
                    bus.Publish("epoch_end", epoch);
                    foreach (var batch in trainLoader) { }
                    foreach (var batch in {|#0:other|}) { }
                }
            }
        }
        """, Expected("other"));

    // Setters handed on as delegates.

    [Fact]
    public Task ASetterInAListOfEpochHooksSetsTheLoader() => V.AnalyzerAsync(Train(Shuffled + " var hooks = new List<Action<int>> { trainLoader.SetEpoch };",
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var hook in hooks) hook(epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task ASetterSubscribedToAnEventSetsTheLoader() => V.AnalyzerAsync("""
        class Trainer
        {
            public event Action<int>? EpochStarted;

            public void Fit(InMemoryDataset data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                EpochStarted += trainLoader.SetEpoch;
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    EpochStarted?.Invoke(epoch);
                    foreach (var batch in trainLoader) { }
                }
            }
        }
        """);

    [Fact]
    public Task ASetterUnsubscribedFromAnEventSetsNothing() => V.AnalyzerAsync("""
        class Trainer
        {
            public event Action<int>? EpochStarted;
            Action<int>? _hooks;

            public void Fit(InMemoryDataset data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                EpochStarted -= trainLoader.SetEpoch;
                _hooks -= trainLoader.SetEpoch;
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    EpochStarted?.Invoke(epoch);
                    _hooks?.Invoke(epoch);
                    foreach (var batch in {|#0:trainLoader|}) { }
                }
            }
        }
        """, Expected());

    [Fact]
    public Task AnotherLoadersSetterAsADelegateDoesNotSetThisOne() => V.AnalyzerAsync(Train(
        Shuffled + " var other = new EpochDataLoader(data, batchSize: 32, shuffle: true); Action<int> hook = other.SetEpoch;",
        "for (int epoch = 0; epoch < epochs; epoch++) { hook(epoch); foreach (var batch in {|#0:trainLoader|}) { } foreach (var batch in other) { } }"), Expected());

    [Fact]
    public Task TheSamplerSetThroughAPropertyPatternSetsTheLoader() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0));",
        "for (int epoch = 0; epoch < epochs; epoch++) { if (trainLoader is { Sampler: IEpochAware s }) s.SetEpoch(epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task ANestedPropertyPatternSetsTheHoldersMemberNotAnAliasOfIt() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0)); var holder = new { Loader = trainLoader };",
        "for (int epoch = 0; epoch < epochs; epoch++) { if (holder is { Loader: { Sampler: IEpochAware s } }) s.SetEpoch(epoch); foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    [Fact]
    public Task ANestedPropertyPatternSetsTheHoldersLoader() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0)); var holder = new { Loader = trainLoader };",
        "for (int epoch = 0; epoch < epochs; epoch++) { if (holder is { Loader: { Sampler: IEpochAware s } }) s.SetEpoch(epoch); if (holder is { Loader.Sampler: IEpochAware t }) t.SetEpoch(epoch); foreach (var batch in holder.Loader) { } }"));

    // The same member of two objects.

    private static string TwoDomains(string set, string iterate = "src.Train.Zip({|#0:tgt.Train|})") => $$"""
        class Domain(InMemoryDataset data)
        {
            public EpochDataLoader Train { get; } = new(data, batchSize: 32, shuffle: true);
        }
        class Program
        {
            static void Fit(Domain src, Domain tgt, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{set}}
                    foreach (var (s, t) in {{iterate}}) { }
                }
            }
        }
        """;

    [Fact]
    public Task TheSourceDomainsLoaderSetIsNotTheTargets() => V.AnalyzerAsync(TwoDomains("src.Train.SetEpoch(epoch);"), Expected("tgt.Train"));

    [Fact]
    public Task BothDomainsLoadersSet() => V.AnalyzerAsync(TwoDomains("src.Train.SetEpoch(epoch); Epochs.SetEpoch(tgt.Train, epoch);", "src.Train.Zip(tgt.Train)"));

    [Fact]
    public Task DomainsSetInALoopOverThemMayBeEither() => V.AnalyzerAsync(TwoDomains("foreach (var d in new[] { src, tgt }) d.Train.SetEpoch(epoch);", "src.Train.Zip(tgt.Train)"));

    [Fact]
    public Task AnAliasOfTheSourceMayBeTheTarget() => V.AnalyzerAsync(TwoDomains("var d = epoch % 2 == 0 ? src : tgt; d.Train.SetEpoch(epoch); src.Train.SetEpoch(epoch);", "src.Train.Zip(tgt.Train)"));

    // A local that chooses among loaders.

    private const string TrainAndVal = "var train = new EpochDataLoader(data, batchSize: 32, shuffle: true); var val = new EpochDataLoader(data, batchSize: 64);";

    [Fact]
    public Task AChosenLoaderWhoseShufflingArmIsSet() => V.AnalyzerAsync(Train(TrainAndVal,
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var training in new[] { true, false }) { var loader = training ? train : val; Epochs.SetEpoch(train, epoch); foreach (var batch in loader) { } } }"));

    [Fact]
    public Task AChosenLoaderWhoseShufflingArmIsNotSet() => V.AnalyzerAsync(Train(TrainAndVal,
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var training in new[] { true, false }) { var loader = training ? train : val; Epochs.SetEpoch(val, epoch); foreach (var batch in {|#0:loader|}) { } } }"), Expected("loader"));

    [Fact]
    public Task AChosenLoaderWithACreationOfItsOwnNeedsItsOwnSetter() => V.AnalyzerAsync(Train(TrainAndVal,
        "for (int epoch = 0; epoch < epochs; epoch++) { var loader = epoch > 2 ? train : new EpochDataLoader(data, batchSize: 8, shuffle: true); Epochs.SetEpoch(train, epoch); foreach (var batch in {|#0:loader|}) { } }"), Expected("loader"));

    // Found by dotnet-stryker on the model (2026-12-06): one-line bugs no test failed on.

    [Fact]
    public Task ALoaderMadeWhenNoneIsGivenReshuffles() => V.AnalyzerAsync("""
        class Program
        {
            static void Train(InMemoryDataset data, EpochDataLoader? given, int epochs)
            {
                var loader = given ?? new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in {|#0:loader|}) { } }
            }
        }
        """, Expected("loader"));

    [Fact]
    public Task ASamplerChosenByConditionReshufflesIfEitherArmDoes() => V.AnalyzerAsync(Train(
        "var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: data.Count > 100 ? new RandomSampler(data.Count) : new SequentialSampler(data.Count));", EpochLoop), Expected());

    [Fact]
    public Task SettingTheDataSetIsNotSettingTheShuffler() => V.AnalyzerAsync("""
        class Augmented : torch.utils.data.Dataset
        {
            public override long Count => 64;
            public override Dictionary<string, torch.Tensor> GetTensor(long index) => new() { ["data"] = torch.zeros(4) };
            public void SetEpoch(int epoch) { }
        }
        class Program
        {
            static void Train(int epochs)
            {
                var data = new Augmented();
                var order = new RandomSampler(64);
                var loader = new TorchSharp.Modules.DataLoader(data, 8, order);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    data.SetEpoch(epoch);
                    foreach (var batch in {|#0:loader|}) { }
                }
            }
        }
        """, Expected("loader"));
    [Fact]
    public Task ADataSetNamedInsideTheSamplersCreationIsNotAPartOfTheLoader() => V.AnalyzerAsync("""
        class Augmented : torch.utils.data.Dataset
        {
            public override long Count => 64;
            public override Dictionary<string, torch.Tensor> GetTensor(long index) => new() { ["data"] = torch.zeros(4) };
            public void SetEpoch(int epoch) { }
        }
        class Program
        {
            static void Train(int epochs)
            {
                var data = new Augmented();
                var order = new RandomSampler(data.Count);
                var loader = new TorchSharp.Modules.DataLoader(data, 8, new RandomSampler(data.Count, seed: (int)data.Count));
                var other = new TorchSharp.Modules.DataLoader(data, 8, order);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    data.SetEpoch(epoch);
                    foreach (var batch in {|#0:loader|}) { }
                    foreach (var batch in {|#1:other|}) { }
                }
            }
        }
        """, Expected("loader"), V.Diagnostic().WithLocation(1).WithArguments("other"));
    // Found by the red team of 2026-12-06 (round 12).

    [Fact]
    public Task ASamplerTakenFromAListOfShardsIsAPartOfTheList() => V.AnalyzerAsync(Train(
        "var shards = new List<DistributedSampler> { new(data.Count, 2, 0), new(data.Count, 2, 1) }; var trainLoader = new EpochDataLoader(data, 32, sampler: shards[0]);",
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var s in shards) s.SetEpoch(epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task ADataSetReadThroughConditionalAccessIsNotAPart() => V.AnalyzerAsync("""
        class Augmented : InMemoryDataset
        {
            public Augmented() : base(new Dictionary<string, torch.Tensor> { ["data"] = torch.zeros(8, 2) }) { }
            public void SetEpoch(int epoch) { }
        }
        class Program
        {
            static void Train(Augmented? data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data!, 4, sampler: new RandomSampler(data?.Count ?? 0));
                for (int epoch = 0; epoch < epochs; epoch++) { data!.SetEpoch(epoch); foreach (var batch in {|#0:trainLoader|}) { } }
            }
        }
        """, Expected());

    [Fact]
    public Task ASetterAHelperInViewHandsOnCountsOnEveryPass() => V.AnalyzerAsync(Train(
        Shuffled + " var hooks = new List<Action<int>>(); Wire(trainLoader); void Wire(EpochDataLoader l) => hooks.Add(l.SetEpoch);",
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var hook in hooks) hook(epoch); foreach (var batch in trainLoader) { } }"));

    [Fact]
    public Task ASetterInALambdaSubscribedToAnEventCountsOnEveryPass() => V.AnalyzerAsync("""
        class EpochArgs(int epoch) : EventArgs { public int Epoch { get; } = epoch; }
        class Trainer
        {
            public event EventHandler<EpochArgs>? EpochStarting;

            public void Fit(InMemoryDataset data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                EpochStarting += (_, e) => trainLoader.SetEpoch(e.Epoch);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    EpochStarting?.Invoke(this, new EpochArgs(epoch));
                    foreach (var batch in trainLoader) { }
                }
            }
        }
        """);

    /// <summary>A setter the type's constructor subscribes counts for a loop in another member, as one subscribed there does.</summary>
    [Theory]
    [InlineData("EpochStarting += _train.SetEpoch;")]
    [InlineData("EpochStarting += e => _train.SetEpoch(e);")]
    [InlineData("_hooks.Add(epoch => Epochs.SetEpoch(_train, epoch));")]
    [InlineData("EpochStarting += e => Reseed(e);")]
    [InlineData("_hooks.Add(e => Reseed(e));")]
    public Task ASetterAConstructorSubscribesCountsOnEveryPass(string subscription) => V.AnalyzerAsync(Subscribing(subscription, "_train"));

    [Theory]
    [InlineData("EpochStarting += _eval.SetEpoch;")]
    [InlineData("EpochStarting -= _train.SetEpoch;")]
    [InlineData("_train.SetEpoch(0);")]
    [InlineData("if (_train.BatchSampler is IEpochAware) Console.WriteLine(1);")]
    [InlineData("Console.WriteLine(_train);")]
    [InlineData("Reseed(0);")]
    public Task AConstructorThatSubscribesNoSetterOfTheLoaderDoesNotCount(string subscription) => V.AnalyzerAsync(Subscribing(subscription, "{|#0:_train|}"), Expected("_train"));

    /// <summary>Subscribed in a method of the type that the loop's member does not call (a Lightning-style <c>Configure()</c>): it counts too.</summary>
    [Fact]
    public Task ASetterSubscribedInAnotherMethodOfTheTypeCountsOnEveryPass() => V.AnalyzerAsync(
        Subscribing("", "_train").Replace("public void Fit", "public void Configure() => EpochStarting += _train.SetEpoch;\n    public void Fit"));

    /// <summary>A loader a constructor hands to code not in view (a listener it registers) may get its epoch there on every pass.</summary>
    [Fact]
    public Task ALoaderAConstructorHandsOnCountsOnEveryPass() => V.AnalyzerAsync(Subscribing("_hooks.Add(Listeners.Factory.For(_train));", "_train") + Listeners);

    /// <summary>
    /// So does a loader a constructor hands to a call through <c>dynamic</c> (Stryker on EpochFlow: a mutant that did not mark a
    /// dynamic call's loader as handed on survived).
    /// </summary>
    [Fact]
    public Task ALoaderAConstructorHandsToADynamicCallCountsOnEveryPass() => V.AnalyzerAsync(Subscribing("dynamic registry = new object(); registry.watch(_train);", "_train"));

    /// <summary>Handed on in another method of the type (a checkpoint, say): not wiring, so it does not count.</summary>
    [Fact]
    public Task ALoaderAnotherMethodHandsOnDoesNotCount() => V.AnalyzerAsync(
        Subscribing("", "{|#0:_train|}").Replace("public void Fit", "public void Save() => _hooks.Add(Listeners.Factory.For(_train));\n    public void Fit") + Listeners, Expected("_train"));

    /// <summary>A constructor that sets the loader once through a helper in view has wired nothing.</summary>
    [Fact]
    public Task ALoaderAConstructorSetsOnceThroughAHelperDoesNotCount() => V.AnalyzerAsync(
        Subscribing("Reset(_train);", "{|#0:_train|}").Replace("public void Fit", "static void Reset(EpochDataLoader l) => l.SetEpoch(0);\n    public void Fit"), Expected("_train"));

    private const string Listeners = "interface IListeners { Action<int> For(EpochDataLoader loader); } static class Listeners { public static IListeners Factory = null!; }";

    /// <summary>A property that only returns a field of its object is that field: the setter on the field counts for it.</summary>
    [Fact]
    public Task APropertyOverAFieldIsThatField() => V.AnalyzerAsync("""
        class Trainer(InMemoryDataset data)
        {
            private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 7);
            public EpochDataLoader Train => _train;
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) { _train.SetEpoch(epoch); foreach (var batch in Train) { } }
            }
        }
        """);

    private static string Subscribing(string subscription, string iterated) => $$"""
        class Trainer
        {
            private readonly EpochDataLoader _train, _eval;
            private readonly List<Action<int>> _hooks = new();
            public event Action<int>? EpochStarting;
            public Trainer(InMemoryDataset data)
            {
                _train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 7);
                _eval = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 7);
                {{subscription}}
            }
            private void Reseed(int epoch) => _train.SetEpoch(epoch);
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    EpochStarting?.Invoke(epoch);
                    foreach (var hook in _hooks) hook(epoch);
                    foreach (var batch in {{iterated}}) { }
                }
            }
        }
        """;

    /// <summary>
    /// A setter taken off a delegate with <c>Delegate.RemoveAll</c> sets nothing, as one taken off with <c>Remove</c> does
    /// (Stryker on EpochFlow: a mutant that forgot <c>RemoveAll</c> survived).
    /// </summary>
    [Fact]
    public Task ASetterRemovedWithDelegateRemoveAllSetsNothing() => V.AnalyzerAsync(Train(
        Shuffled + " Action<int>? hooks = null;",
        "for (int epoch = 0; epoch < epochs; epoch++) { hooks = (Action<int>?)Delegate.RemoveAll(hooks, (Action<int>)trainLoader.SetEpoch); hooks?.Invoke(epoch); foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    /// <summary>
    /// A setter in a lambda handed to code not in view that does not read the lambda's parameter is no hook given the
    /// epoch by its caller: written before the epoch loop, it sets no pass (Stryker on EpochFlow: a mutant that read every such lambda as a subscribed handler survived).
    /// </summary>
    [Fact]
    public Task ASetterInALambdaHandedOnThatIgnoresItsParameterIsNoHook() => V.AnalyzerAsync(Train(
        Shuffled + " var hooks = new List<Action<int>>(); hooks.Add(_ => trainLoader.SetEpoch(0));",
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var hook in hooks) hook(epoch); foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    /// <summary>
    /// An iteration deeper in an expression than the walk recurses (a long sum) is still indexed, through the walk that
    /// keeps its stack on the heap (Stryker on EpochFlow: a mutant that dropped that walk survived).
    /// </summary>
    [Fact]
    public Task AnIterationDeepInALongExpressionIsSeen() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { var total = {|#0:trainLoader.Count()|}" + string.Concat(Enumerable.Repeat(" + 1", 80)) + "; }"), Expected());

    /// <summary>
    /// A constructor in view that sets the epoch of the loader it is given (<c>new EpochScope(train, epoch)</c> on each
    /// pass) sets it, as a method in view does (Stryker on EpochFlow: a mutant that read no creation given a loader survived).
    /// </summary>
    [Fact]
    public Task AConstructorInViewThatSetsTheLoadersEpoch() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) { _ = new EpochScope(trainLoader, epoch); foreach (var batch in trainLoader) { } }") + """

        class EpochScope { public EpochScope(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch); }
        """);

    /// <summary>
    /// A local function that puts the object it is given into a value made by a constructor not in view
    /// (<c>new KeyValuePair&lt;string, object&gt;("train", plugin)</c>) hands it on: a loader it is called with may get its
    /// epoch there (Stryker on EpochFlow: a mutant that read such a creation only for constructors in view survived).
    /// </summary>
    [Fact]
    public Task AnObjectParameterPutIntoACreationNotInViewIsHandedOn() => V.AnalyzerAsync(Train(
        Shuffled + " var registry = new List<KeyValuePair<string, object>>(); void Register(object plugin) => registry.Add(new KeyValuePair<string, object>(\"train\", plugin));",
        "for (int epoch = 0; epoch < epochs; epoch++) { Register(trainLoader); foreach (var batch in trainLoader) { } }"));

    /// <summary>
    /// A delegate not written here (<c>Action&lt;EpochDataLoader, int&gt; begin = Epochs.SetEpoch;</c>) called with the loader
    /// hands it on at each call, not only at the last one written (Stryker on EpochFlow: a mutant that kept only the last such call survived).
    /// </summary>
    [Fact]
    public Task EveryCallOfAStoredDelegateNotInViewHandsItsLoaderOn() => V.AnalyzerAsync(Train(
        Shuffled + " var eval = new EpochDataLoader(data, batchSize: 64); Action<EpochDataLoader, int> begin = Epochs.SetEpoch;",
        "for (int epoch = 0; epoch < epochs; epoch++) { begin(trainLoader, epoch); begin(eval, epoch); foreach (var batch in trainLoader) { } }"));

    /// <summary>
    /// Every loader handed to a call not in view is handed on, not only the first (Stryker on EpochFlow: a mutant that
    /// stopped at the first loader argument survived).
    /// </summary>
    [Fact]
    public Task EveryLoaderHandedToACallNotInViewIsHandedOn() => V.AnalyzerAsync("""
        interface IPlugin { void Attach(EpochDataLoader eval, EpochDataLoader train); }
        class Program
        {
            static void Train(InMemoryDataset data, IPlugin plugin, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                var eval = new EpochDataLoader(data, batchSize: 64);
                for (int epoch = 0; epoch < epochs; epoch++) { plugin.Attach(eval, trainLoader); foreach (var batch in trainLoader) { } }
            }
        }
        """);

    /// <summary>
    /// A LINQ call outside a <c>foreach</c> that draws from a second loader (<c>trainLoader.Zip(aux).ToList()</c>) reports
    /// that loader where it is named (Stryker on EpochFlow: a mutant that reported it on the whole call survived).
    /// </summary>
    [Fact]
    public Task ASecondLoaderOfALinqCallIsReportedWhereItIsNamed() => V.AnalyzerAsync(Train(
        Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1);",
        "for (int epoch = 0; epoch < epochs; epoch++) { trainLoader.SetEpoch(epoch); var pairs = trainLoader.Zip({|#0:aux|}).ToList(); }"), Expected("aux"));

    /// <summary>
    /// Locals deconstructed from a call (<c>var (train, val) = Make(data);</c>) are written where their values are not
    /// seen, as fields deconstructed from one are (Stryker on EpochFlow: a mutant that threw on such a deconstruction survived: no test had one).
    /// </summary>
    [Fact]
    public Task LocalsDeconstructedFromACallAreNotInView() => V.AnalyzerAsync("""
        class Program
        {
            static (EpochDataLoader, EpochDataLoader) Make(InMemoryDataset data) => (new EpochDataLoader(data, batchSize: 8, shuffle: true), new EpochDataLoader(data, batchSize: 8));
            static void Fit(InMemoryDataset data, int epochs)
            {
                var (train, eval) = Make(data);
                for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in train) { }
            }
        }
        """);

    [Fact]
    public Task ASetterRemovedFromAHookListSetsNothing() => V.AnalyzerAsync(Train(
        Shuffled + " var hooks = new List<Action<int>>(); hooks.Remove(trainLoader.SetEpoch);",
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var hook in hooks) hook(epoch); foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    [Fact]
    public Task ANestedPatternOnOneRunDoesNotSetAnotherRunsLoader() => V.AnalyzerAsync("""
        class Run(InMemoryDataset data) { public EpochDataLoader Loader { get; } = new(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0)); }
        class Program
        {
            static void Fit(Run src, Run tgt, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (tgt is { Loader.Sampler: IEpochAware s }) s.SetEpoch(epoch); if (tgt is { Loader: { Sampler: IEpochAware t } }) t.SetEpoch(epoch);
                    foreach (var batch in {|#0:src.Loader|}) { }
                    foreach (var batch in tgt.Loader) { }
                }
            }
        }
        """, Expected("src.Loader"));

    /// <summary>A helper whose own text names no setter still counts when it calls one that sets the epoch.</summary>
    [Fact]
    public Task AHelperThatCallsAHelperThatSetsTheEpoch() => V.AnalyzerAsync("""
        class Trainer(InMemoryDataset data)
        {
            private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 7);
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) { BeginEpoch(epoch); foreach (var batch in _train) { } }
            }
            private void BeginEpoch(int epoch) { Console.WriteLine(epoch); ResetData(epoch); }
            private void ResetData(int epoch) => _train.SetEpoch(epoch);
        }
        """);

    /// <summary>A helper in view that hands the loader to code not in view: there it may get its epoch, as if handed on in the loop.</summary>
    [Fact]
    public Task AHelperThatHandsTheLoaderToCodeNotInView() => V.AnalyzerAsync("""
        interface IEpochHooks { void OnEpochStart(EpochDataLoader loader, int epoch); }
        class Trainer(InMemoryDataset data, IEpochHooks hooks)
        {
            private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 7);
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) { BeginEpoch(epoch); foreach (var batch in _train) { } }
            }
            private void BeginEpoch(int epoch) => hooks.OnEpochStart(_train, epoch);
        }
        """);

    /// <summary>
    /// A chain of helpers deeper than the model follows counts as not in view (it may set the epoch): no finding, and no
    /// recursion as deep as the chain, which overflowed the compiler's stack at some thousands of helpers.
    /// </summary>
    [Fact]
    public Task AChainOfHelpersDeeperThanTheStackAllows()
    {
        const int depth = 5_000;
        var helpers = string.Concat(Enumerable.Range(0, depth).Select(i =>
            $"static void Step{i}(EpochDataLoader l, int e) {{ {(i + 1 < depth ? $"Step{i + 1}(l, e);" : "l.SetEpoch(e);")} }}\n"));
        return V.AnalyzerAsync($$"""
            static class Program
            {
                {{helpers}}
                static void Fit(InMemoryDataset data, int epochs)
                {
                    var train = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                    for (int epoch = 0; epoch < epochs; epoch++) { Step0(train, epoch); foreach (var batch in train) { } }
                }
            }
            """);
    }

    // A question of held-out round 20: a helper of the user's handed on as a method group sets what it sets whenever it is called.
    private static string Scheduled(string helper) => $$"""
        class Scheduler { private readonly List<Action<int>> _hooks = new(); public void Every(Action<int> hook) => _hooks.Add(hook); public void Fire(int e) { foreach (var h in _hooks) h(e); } }
        class Trainer(InMemoryDataset data, Scheduler scheduler)
        {
            private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 7);
            public void Fit(int epochs)
            {
                scheduler.Every(BeginEpoch);
                for (int epoch = 0; epoch < epochs; epoch++) { scheduler.Fire(epoch); foreach (var b in {|#0:_train|}) { } }
            }
            {{helper}}
        }
        """;

    [Fact]
    public Task AHelperHandedOnAsAMethodGroupCounts() => V.AnalyzerAsync(Scheduled("private void BeginEpoch(int epoch) => _train.SetEpoch(epoch);"));

    [Fact]
    public Task AHelperHandedOnThatSetsNothingDoesNot() => V.AnalyzerAsync(Scheduled("private void BeginEpoch(int epoch) => Console.WriteLine(epoch);"), Expected("_train"));

    /// <summary>
    /// Red team 27: a local function handed on as a method group on each pass counts there, as a stored lambda handed on
    /// does; one that sets nothing does not.
    /// </summary>
    [Theory]
    [InlineData("void Reshuffle(int e) => _train.SetEpoch(e);", false)]
    [InlineData("void Reshuffle(int e) => Console.WriteLine(e);", true)]
    public Task ALocalFunctionHandedOnOnEachPass(string local, bool flagged) => V.AnalyzerAsync($$"""
        interface IBus { void Publish(int epoch, Action<int> handler); }
        class Trainer(InMemoryDataset data, IBus bus)
        {
            private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 7);
            public void Fit(int epochs)
            {
                {{local}}
                for (int epoch = 0; epoch < epochs; epoch++) { bus.Publish(epoch, Reshuffle); foreach (var b in {|#0:_train|}) { } }
            }
        }
        """, flagged ? [Expected("_train")] : []);

    // Iterations in methods in view, counted at their calls (PyTorch's train(model, loader, optimizer, epoch) per epoch).
    private static string Helpers(string loop, string helpers = "") => $$"""
        class Program
        {
            static void Fit(InMemoryDataset data, int epochs)
            {
                var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 3);
                var eval = new EpochDataLoader(data, batchSize: 256);
                {{loop}}
            }
            static double TrainOneEpoch(EpochDataLoader loader) { double sum = 0; foreach (var batch in loader) sum += batch["x"].sum().item<float>(); return sum; }
            {{helpers}}
        }
        """;

    /// <summary>A method in view that iterates the loader it is given, once per call: the loop that calls it is an epoch loop.</summary>
    [Fact]
    public Task AHelperThatIteratesTheLoaderItIsGiven() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) { TrainOneEpoch({|#0:train|}); }"), Expected("train"));

    [Fact]
    public Task AHelperCalledAfterTheEpochIsSet() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) { train.SetEpoch(epoch); TrainOneEpoch(train); }"));

    /// <summary>Through two helpers, the outer one neither setting nor looping.</summary>
    [Fact]
    public Task TwoLevelsOfHelpers() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) RunEpoch({|#0:train|}, epoch);",
        "static void RunEpoch(EpochDataLoader l, int epoch) { Console.WriteLine(epoch); TrainOneEpoch(l); }"), Expected("train"));

    [Fact]
    public Task AHelperThatSetsTheEpochAndIterates() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) RunEpoch(train, epoch);",
        "static void RunEpoch(EpochDataLoader l, int epoch) { Epochs.SetEpoch(l, epoch); TrainOneEpoch(l); }"));

    /// <summary>An evaluation helper iterates a loader whose order does not depend on the epoch: nothing to set.</summary>
    [Fact]
    public Task AnEvaluationHelper() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) { train.SetEpoch(epoch); TrainOneEpoch(train); TrainOneEpoch(eval); }"));

    /// <summary>A helper with an epoch loop of its own is judged there (its parameter's loader is not in view), not at its call.</summary>
    [Fact]
    public Task AHelperWithItsOwnEpochLoop() => V.AnalyzerAsync(Helpers(
        "for (int run = 0; run < 2; run++) Fit(train, epochs);",
        "static void Fit(EpochDataLoader l, int epochs) { for (int e = 0; e < epochs; e++) { l.SetEpoch(e); foreach (var b in l) { } } }"));

    /// <summary>An iteration in a lambda of the helper may run any number of times, or never: not followed.</summary>
    [Fact]
    public Task AHelperThatIteratesOnlyInALambda() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) Schedule(train);",
        "static Action Schedule(EpochDataLoader l) => () => { foreach (var b in l) { } };"));

    /// <summary>A field iterated by a method of the same object, called in the loop without a receiver.</summary>
    [Fact]
    public Task AHelperThatIteratesAField() => V.AnalyzerAsync("""
        class Trainer(InMemoryDataset data)
        {
            private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 7);
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) {|#0:RunEpoch()|};
            }
            private void RunEpoch() { foreach (var b in _train) { } }
        }
        """, Expected("_train"));

    /// <summary>The same method called on another object iterates that object's field, which this loop does not name.</summary>
    [Fact]
    public Task AHelperCalledOnAnotherObject() => V.AnalyzerAsync("""
        class Trainer(InMemoryDataset data)
        {
            private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 7);
            public void Fit(Trainer other, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) { _train.SetEpoch(epoch); other.RunEpoch(); }
            }
            public void RunEpoch() { foreach (var b in _train) { } }
        }
        """);

    /// <summary>An async iterator method that wraps the loader, consumed by <c>await foreach</c> on every pass.</summary>
    [Fact]
    public Task AnAsyncIteratorThatWrapsTheLoader() => V.AnalyzerAsync("""
        static class Program
        {
            static async System.Threading.Tasks.Task Fit(InMemoryDataset data, int epochs)
            {
                using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 5);
                for (int epoch = 0; epoch < epochs; epoch++)
                    await foreach (var batch in Stream({|#0:train|})) { }
            }
            static async IAsyncEnumerable<Dictionary<string, Tensor>> Stream(EpochDataLoader loader)
            {
                foreach (var batch in loader) { await System.Threading.Tasks.Task.Yield(); yield return batch; }
            }
        }
        """, Expected("train"));

    /// <summary>A static helper iterating its class's static field: followed in that class, not from another one (the field's name means nothing there).</summary>
    [Fact]
    public Task AStaticHelperOverAStaticField() => V.AnalyzerAsync("""
        static class Data
        {
            public static EpochDataLoader Train = new(new InMemoryDataset(new Dictionary<string, Tensor>()), batchSize: 32, shuffle: true, seed: 7);
            public static void RunEpoch() { foreach (var b in Train) { } }
            public static void Fit(int epochs) { for (int e = 0; e < epochs; e++) {|#0:RunEpoch()|}; }
        }
        static class Elsewhere
        {
            public static void Fit(int epochs) { for (int e = 0; e < epochs; e++) Data.RunEpoch(); }
        }
        """, Expected("Train"));

    // Questions of red team 19 on iterations in helpers.

    /// <summary>A helper that iterates its loader in an early-return branch and after it: one iteration of the call, one finding.</summary>
    [Fact]
    public Task AHelperThatIteratesInTwoBranchesIsOneIteration() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) Run({|#0:train|}, epoch == 0);",
        "static void Run(EpochDataLoader l, bool quick) { if (quick) { foreach (var b in l.Take(2)) { } return; } foreach (var b in l) { } }"), Expected("train"));

    /// <summary>An iteration inside a loop of the helper (another loader's batch loop) is not once per call: not followed.</summary>
    [Fact]
    public Task AHelperThatIteratesInsideItsOwnBatchLoop() => V.AnalyzerAsync(Helpers(
        "var aux = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 4); for (int epoch = 0; epoch < epochs; epoch++) { train.SetEpoch(epoch); Run(train, aux); }",
        "static void Run(EpochDataLoader l, EpochDataLoader v) { foreach (var b in l) { _ = v.Take(1).Count(); } }"));

    /// <summary>A helper whose parameter is a sequence interface iterates whatever loader its caller hands it.</summary>
    [Fact]
    public Task AHelperTakingASequenceInterface() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) { Run({|#0:train|}); Run(eval); }",
        "static void Run(IEnumerable<Dictionary<string, Tensor>> batches) { foreach (var b in batches) { } }"), Expected("train"));

    /// <summary>An interface's default method may run an implementation not in view: handing the loader to it counts as setting it.</summary>
    [Fact]
    public Task AnInterfacesDefaultMethodIsNotInView() => V.AnalyzerAsync("""
        interface IEpochRunner { void Run(EpochDataLoader l) { foreach (var b in l) { } } }
        class Program : IEpochRunner
        {
            static void Fit(InMemoryDataset data, int epochs, IEpochRunner runner)
            {
                var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 3);
                for (int epoch = 0; epoch < epochs; epoch++) runner.Run(train);
            }
        }
        """);

    /// <summary>Constructors are not followed for iterations: a histogram built over the loader each epoch is no iteration at the creation.</summary>
    [Fact]
    public Task AConstructorThatIteratesTheLoader() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) { train.SetEpoch(epoch); TrainOneEpoch(train); _ = new Histogram(eval2); }",
        "static EpochDataLoader eval2 = new(new InMemoryDataset(new Dictionary<string, Tensor>()), batchSize: 8, shuffle: true); class Histogram { public Histogram(EpochDataLoader l) { foreach (var b in l) { } } }"));

    /// <summary>Six helpers between the loop and the iteration, none of them looping, the loop's member naming nothing else.</summary>
    [Fact]
    public Task SixLevelsOfHelpers() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) H1({|#0:train|});",
        "static void H1(EpochDataLoader l) => H2(l); static void H2(EpochDataLoader l) => H3(l); static void H3(EpochDataLoader l) => H4(l); static void H4(EpochDataLoader l) => H5(l); static void H5(EpochDataLoader l) => TrainOneEpoch(l);"), Expected("train"));

    // Found by red team 22.

    /// <summary>Found by red team 22: a constant index into a collection expression (<c>[trainLoader, aux]</c>) picks the element written there.</summary>
    [Fact]
    public Task AConstantIndexIntoACollectionExpressionSetsThatElement() => V.AnalyzerAsync(Train(Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1); EpochDataLoader[] loaders = [trainLoader, aux];",
        "for (int epoch = 0; epoch < epochs; epoch++) { loaders[0].SetEpoch(epoch); foreach (var batch in trainLoader.Zip({|#0:aux|})) { } }"), Expected("aux"));

    /// <summary>Found by red team 22: a local function's iteration of a loader-typed parameter is the argument's at the call, set there; not judged again where it is written.</summary>
    [Fact]
    public Task ALocalFunctionOverAnEpochDependentLoaderTypeIsJudgedAtItsCall() => V.AnalyzerAsync("""
        class Program
        {
            static void Fit(InMemoryDataset data, int epochs)
            {
                var train = new PkLoader(data);
                for (int epoch = 0; epoch < epochs; epoch++) { Epochs.SetEpoch(train, epoch); RunEpoch(train); }
                void RunEpoch(PkLoader loader) { foreach (var batch in loader) { } }
            }
        }
        class PkLoader(InMemoryDataset data) : IEnumerable<Dictionary<string, torch.Tensor>>
        {
            public DistributedSampler Sampler { get; } = new(data.Count, 2, 0);
            public IEnumerator<Dictionary<string, torch.Tensor>> GetEnumerator() { yield break; }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
        """);

    /// <summary>Found by red team 22: a local function that runs a <c>foreach</c> over a sequence parameter iterates the loader its call hands it.</summary>
    [Fact]
    public Task ALocalFunctionOverASequenceParameter() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) Run({|#0:trainLoader|}); void Run(IEnumerable<Dictionary<string, Tensor>> batches) { foreach (var b in batches) { } }"),
        Expected());

    /// <summary>Found by red team 22: a local that copies a member of one parameter (<c>var src = source.Loader</c>) is not set by a setter on the copy of another's.</summary>
    [Fact]
    public Task CopiesOfTheSameMemberOfTwoParametersAreTwoLoaders() => V.AnalyzerAsync("""
        class Domain
        {
            public Domain(InMemoryDataset data) => Loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1);
            public EpochDataLoader Loader { get; }
        }
        class Program
        {
            static void Run(Domain source, Domain target, int epochs)
            {
                var src = source.Loader;
                var tgt = target.Loader;
                for (int epoch = 0; epoch < epochs; epoch++) { tgt.SetEpoch(epoch); foreach (var b in {|#0:src|}) { } foreach (var b in tgt) { } }
            }
        }
        """, Expected("src"));

    /// <summary>Found by red team 22: a lambda stored in a local is in view, so handing the loader to one that only reads it sets nothing.</summary>
    [Fact]
    public Task ALoaderHandedToAStoredLambdaThatOnlyReadsIt() => V.AnalyzerAsync(Train(Shuffled,
        "Action<EpochDataLoader> log = l => Console.WriteLine(l.Count); for (int epoch = 0; epoch < epochs; epoch++) { log(trainLoader); foreach (var b in {|#0:trainLoader|}) { } }"),
        Expected());

    [Theory]
    [InlineData("Action<EpochDataLoader, int> begin = (l, e) => l.SetEpoch(e); for (int epoch = 0; epoch < epochs; epoch++) { begin(trainLoader, epoch); foreach (var b in trainLoader) { } }")]
    [InlineData("Action<EpochDataLoader, int>? begin = (l, e) => Epochs.SetEpoch(l, e); for (int epoch = 0; epoch < epochs; epoch++) { begin?.Invoke(trainLoader, epoch); foreach (var b in trainLoader) { } }")]
    [InlineData("var kept = new List<EpochDataLoader>(); Action<EpochDataLoader> hook = l => kept.Add(l); for (int epoch = 0; epoch < epochs; epoch++) { hook(trainLoader); foreach (var b in trainLoader) { } }")]
    [InlineData("Action<object?> hook = Console.WriteLine; for (int epoch = 0; epoch < epochs; epoch++) { hook(trainLoader); foreach (var b in trainLoader) { } }")]
    public Task ALoaderHandedToAStoredLambdaThatSetsItOrHandsItOn(string loop) => V.AnalyzerAsync(Train(Shuffled, loop));

    /// <summary>Found by red team 22: a constructor's local declared without a value and assigned in an <c>if</c>/<c>else</c> has those values, not only its interface type.</summary>
    [Fact]
    public Task AFieldBuiltFromAConstructorsLocalSamplerAssignedInBranches() => V.AnalyzerAsync("""
        class Trainer
        {
            private readonly EpochDataLoader _train;
            public Trainer(InMemoryDataset data, int world)
            {
                ISampler sampler;
                if (world > 1) sampler = new DistributedSampler(data.Count, world, 0);
                else sampler = new RandomSampler(data.Count);
                _train = new EpochDataLoader(data, batchSize: 32, sampler: sampler);
            }
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in {|#0:_train|}) { }
            }
        }
        """, Expected("_train"));

    /// <summary>Found by red team 22: a local of another member declared in order and switched to a shuffler later has both values.</summary>
    [Fact]
    public Task APropertyBuiltFromALocalSamplerSwitchedToAShufflerLater() => V.AnalyzerAsync("""
        class DataModule(InMemoryDataset data, bool shuffle)
        {
            public EpochDataLoader? Train { get; private set; }
            public void Setup()
            {
                ISampler order = new SequentialSampler(data.Count);
                if (shuffle) order = new RandomSampler(data.Count, seed: 1);
                Train = new EpochDataLoader(data, batchSize: 32, sampler: order);
            }
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in {|#0:Train|}!) { }
            }
        }
        """, Expected("Train"));

    private static string PortedLoaderOverASamplerContract(string parts, string loop = "foreach (var batch in {|#0:train|}) { }") => $$"""
        using System.Collections;
        class PortedLoader(InMemoryDataset data, ISampler sampler, IBatchSampler? batchSampler = null) : IEnumerable<Dictionary<string, Tensor>>
        {
            public ISampler Sampler { get; } = sampler;
            public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() { foreach (var i in Sampler) yield return data.GetTensor(i); }
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
        class SequenceLoader(InMemoryDataset data, IEnumerable<long> sampler) : IEnumerable<Dictionary<string, Tensor>>
        {
            public IEnumerable<long> Sampler { get; } = sampler;
            public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() { foreach (var i in Sampler) yield return data.GetTensor(i); }
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
        class Subset(ISampler inner, long keep) : ISampler
        {
            public long Count => Math.Min(keep, inner.Count);
            public IEnumerator<long> GetEnumerator() => inner.Take((int)Count).GetEnumerator();
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
        class Program
        {
            static void Train(InMemoryDataset data, ISampler given, bool distributed, int epochs)
            {
                {{parts}}
                for (int epoch = 0; epoch < epochs; epoch++) { {{loop}} }
            }
        }
        """;

    /// <summary>
    /// Found by Stryker on Sampling: a loader of yours handed a sampler through the runtime's <c>ISampler</c> or
    /// <c>IBatchSampler</c> contract is judged by the values in view, as an <c>EpochDataLoader</c>'s <c>sampler:</c> is.
    /// </summary>
    [Theory]
    [InlineData("ISampler order = distributed ? new DistributedSampler(data.Count, 2, 0) : new RandomSampler(data.Count); var train = new PortedLoader(data, order);")]
    [InlineData("ISampler order = new RandomSampler(data.Count, seed: 3); var train = new PortedLoader(data, order);")]
    [InlineData("IBatchSampler batches = new BatchSampler(new DistributedSampler(data.Count, 2, 0), 32); var train = new PortedLoader(data, new SequentialSampler(data.Count), batches);")]
    // Red team 26: a sampler wrapper of yours that takes no epoch has the order of the sampler it is handed.
    [InlineData("var train = new PortedLoader(data, new Subset(new RandomSampler(data.Count), 100));")]
    // Red team 26: a ported loader that takes its sampler as a sequence of indices.
    [InlineData("IEnumerable<long> order = distributed ? new DistributedSampler(data.Count, 2, 0) : new SequentialSampler(data.Count); var train = new SequenceLoader(data, order);")]
    public Task ALoaderOfYoursHandedAReshufflingSamplerThroughTheContract(string parts) =>
        V.AnalyzerAsync(PortedLoaderOverASamplerContract(parts), Expected("train"));

    /// <summary>The controls: a fixed order in every arm, a sampler not in view (an interface says nothing), and a loop that sets the sampler.</summary>
    [Theory]
    [InlineData("ISampler order = distributed ? new DistributedSampler(data.Count, 2, 0, shuffle: false) : new SequentialSampler(data.Count); var train = new PortedLoader(data, order);", "foreach (var batch in train) { }")]
    [InlineData("var train = new PortedLoader(data, given);", "foreach (var batch in train) { }")]
    [InlineData("IEnumerable<long> order = given; var train = new SequenceLoader(data, order);", "foreach (var batch in train) { }")]
    [InlineData("var train = new SequenceLoader(data, new long[] { 3, 1, 2 });", "foreach (var batch in train) { }")]
    [InlineData("ISampler order = distributed ? new DistributedSampler(data.Count, 2, 0) : new RandomSampler(data.Count); var train = new PortedLoader(data, order);", "((IEpochAware)order).SetEpoch(epoch); foreach (var batch in train) { }")]
    public Task ALoaderOfYoursHandedAFixedOrUnknownSamplerThroughTheContract(string parts, string loop) =>
        V.AnalyzerAsync(PortedLoaderOverASamplerContract(parts, loop));

    private static string RebuiltOverADataSetSeededByTheEpoch(string creation) => $$"""
        using System.Collections;
        class PkLoader(torch.utils.data.Dataset source, ClassBalancedBatchSampler batchSampler) : IEnumerable<Dictionary<string, Tensor>>
        {
            public torch.utils.data.Dataset Source { get; } = source;
            public ClassBalancedBatchSampler BatchSampler { get; } = batchSampler;
            public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() { foreach (var indices in BatchSampler) yield return Source.GetTensor(indices[0]); }
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
        class Program
        {
            static InMemoryDataset Augment(InMemoryDataset data, int seed) => data;
            static void Train(InMemoryDataset data, long[] labels, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    var augmented = Augment(data, seed: epoch);
                    var trainLoader = {{creation}};
                    foreach (var batch in {|#0:trainLoader|}) { }
                }
            }
        }
        """;

    /// <summary>
    /// Found by red team 22: the data set's seed is not the loader's, whatever its parameter is called (<c>source:</c> of a
    /// ported loader), and a sampler sized from the data set (<c>augmented.Count</c>) does not take its seed either.
    /// </summary>
    [Theory]
    [InlineData("new EpochDataLoader(augmented, batchSize: 32, sampler: new RandomSampler(augmented.Count, seed: 42))")]
    [InlineData("new PkLoader(source: Augment(data, seed: epoch), batchSampler: new ClassBalancedBatchSampler(labels, 4, 8, seed: 3))")]
    public Task RebuiltEachPassWithAFixedSamplerSeedBesideADataSetSeededByTheEpoch(string creation) =>
        V.AnalyzerAsync(RebuiltOverADataSetSeededByTheEpoch(creation), Expected());

    /// <summary>The control of the case above: the sampler's own seed changes with the epoch, so each rebuilt loader has a new order.</summary>
    [Fact]
    public Task RebuiltEachPassWithASamplerSeededByTheEpochAndSizedFromTheDataSet() => V.AnalyzerAsync(RebuiltOverADataSetSeededByTheEpoch(
        "new EpochDataLoader(augmented, batchSize: 32, sampler: new RandomSampler(augmented.Count, seed: 42 + epoch))").Replace("{|#0:trainLoader|}", "trainLoader"));

    // Questions of red team 22 on foreach loops over helpers.

    /// <summary>Found by red team 22: a foreach over an ordinary method that peeks at the loader and returns the epochs to run is the epoch loop, not a batch loop of the loader.</summary>
    [Fact]
    public Task AForeachOverAnOrdinaryMethodThatPeeksAtTheLoaderIsTheEpochLoop() => V.AnalyzerAsync(Helpers(
        "foreach (var epoch in EpochsToRun(train, epochs)) { foreach (var b in {|#0:train|}) { } }",
        "static IEnumerable<int> EpochsToRun(EpochDataLoader loader, int epochs) { var first = loader.First(); return Enumerable.Range(0, epochs); }"), Expected("train"));

    /// <summary>Found by red team 22: an await foreach over an async iterator that wraps the loader, through WithCancellation, is a batch loop: a peek at another loader in it belongs to the epoch loop around.</summary>
    [Fact]
    public Task APeekInsideAnAwaitForeachOverAnIteratorWithCancellation() => V.AnalyzerAsync("""
        using System.Threading.Tasks;
        static class Program
        {
            static async Task Fit(InMemoryDataset data, int epochs, System.Threading.CancellationToken ct)
            {
                using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 5);
                using var val = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 6);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    train.SetEpoch(epoch);
                    val.SetEpoch(epoch);
                    await foreach (var batch in Stream(train).WithCancellation(ct).ConfigureAwait(false)) { foreach (var v in val.Take(2)) { } }
                }
            }
            static async IAsyncEnumerable<Dictionary<string, Tensor>> Stream(EpochDataLoader loader)
            {
                foreach (var batch in loader) { await Task.Yield(); yield return batch; }
            }
        }
        """);

    // Questions of red team 23 on helpers that hand the loader's batches on.

    /// <summary>Found by red team 23: a helper that returns a LINQ chain on the loader (<c>=&gt; loader.Skip(n).Take(m)</c>) wraps it: a peek at another loader in the foreach over it belongs to the epoch loop around.</summary>
    [Fact]
    public Task APeekInsideAForeachOverAHelperReturningALinqChainOnTheLoader() => V.AnalyzerAsync(Helpers(
        "for (int epoch = 0; epoch < epochs; epoch++) { train.SetEpoch(epoch); eval.SetEpoch(epoch); foreach (var b in Window(train, 0, 100)) { foreach (var v in eval.Take(2)) { } } }",
        "static IEnumerable<Dictionary<string, Tensor>> Window(EpochDataLoader loader, int skip, int steps) => loader.Skip(skip).Take(steps);")
        .Replace("var eval = new EpochDataLoader(data, batchSize: 256);", "var eval = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 4);"));

    /// <summary>Found by red team 23: a local function over a sequence parameter, handed <c>train.IterateFrom(n)</c>, iterates <c>train</c> at the call.</summary>
    [Fact]
    public Task ALocalFunctionOverASequenceParameterHandedIterateFrom() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) Run({|#0:trainLoader|}.IterateFrom(epoch == 0 ? 5 : 0)); void Run(IEnumerable<Dictionary<string, Tensor>> batches) { foreach (var b in batches) { } }"),
        Expected());

    // Found by red team 23.

    /// <summary>Found by red team 23: a spread in a collection expression moves no place before it, so <c>loaders[0]</c> of <c>[trainLoader, aux, .. probes]</c> is <c>trainLoader</c>.</summary>
    [Fact]
    public Task AConstantIndexBeforeASpreadSetsThatElement() => V.AnalyzerAsync(Train(Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32); EpochDataLoader[] probes = []; EpochDataLoader[] loaders = [trainLoader, aux, .. probes];",
        "for (int epoch = 0; epoch < epochs; epoch++) { loaders[0].SetEpoch(epoch); foreach (var batch in trainLoader) { } }"));

    /// <summary>
    /// A constant index past the places a collection expression fixes (<c>loaders[1]</c> of <c>[trainLoader, .. probes]</c>)
    /// or into a collection made elsewhere (<c>Pair()[0]</c>) picks no element known: <c>trainLoader</c> is still never set
    /// (Stryker on EpochFlow: mutants of the bounds check that read past the known places survived).
    /// </summary>
    [Theory]
    [InlineData("EpochDataLoader[] probes = [aux]; EpochDataLoader[] loaders = [trainLoader, .. probes];", "loaders[1]")]
    [InlineData("EpochDataLoader[] Pair() => [trainLoader, aux]; var loaders = Pair();", "loaders[0]")]
    public Task AConstantIndexPastTheKnownPlacesSetsNoElementKnown(string loaders, string element) => V.AnalyzerAsync(Train(
        Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1); " + loaders,
        "for (int epoch = 0; epoch < epochs; epoch++) { " + element + ".SetEpoch(epoch); foreach (var batch in {|#0:trainLoader|}) { } }"), Expected());

    /// <summary>
    /// A setter in a lambda run over each element of a collection (<c>loaders.ForEach(l =&gt; l.SetEpoch(epoch))</c>,
    /// <c>Array.ForEach(loaders, l =&gt; …)</c>) sets each loader the collection was made from (Stryker on EpochFlow: no test
    /// reached the lambda's collection).
    /// </summary>
    [Theory]
    [InlineData("var loaders = new List<EpochDataLoader> { trainLoader, aux };", "loaders.ForEach(l => l.SetEpoch(epoch));")]
    [InlineData("EpochDataLoader[] loaders = [trainLoader, aux];", "Array.ForEach(loaders, l => l.SetEpoch(epoch));")]
    public Task ASetterInALambdaRunOverEachElementSetsEach(string loaders, string set) => V.AnalyzerAsync(Train(
        Shuffled + " var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1); " + loaders,
        "for (int epoch = 0; epoch < epochs; epoch++) { " + set + " foreach (var batch in trainLoader.Zip(aux)) { } }"));

    /// <summary>
    /// A local function over a sequence parameter handed <c>train.IterateFrom(n).Take(m)</c> iterates <c>train</c> at the call:
    /// LINQ after <c>IterateFrom</c> is not LINQ straight on the loader (Stryker on EpochFlow: no test handed such a chain on).
    /// </summary>
    [Fact]
    public Task ALocalFunctionOverASequenceParameterHandedIterateFromThenTake() => V.AnalyzerAsync(Train(Shuffled,
        "for (int epoch = 0; epoch < epochs; epoch++) Run({|#0:trainLoader|}.IterateFrom(0).Take(10)); void Run(IEnumerable<Dictionary<string, Tensor>> batches) { foreach (var b in batches) { } }"),
        Expected());

    /// <summary>
    /// The sampler reached through two <c>?.</c> (<c>(h?.Loader?.Sampler as IEpochAware)?.SetEpoch(epoch)</c>) is the
    /// loader's sampler, so its epoch is set (Stryker on EpochFlow: a mutant that unwrapped one conditional access only survived).
    /// </summary>
    [Fact]
    public Task ASamplerSetThroughTwoConditionalAccesses() => V.AnalyzerAsync("""
        class Holder(InMemoryDataset data)
        {
            public EpochDataLoader Loader { get; } = new EpochDataLoader(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0));
        }
        class Program
        {
            static void Train(Holder? h, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    (h?.Loader?.Sampler as IEpochAware)?.SetEpoch(epoch);
                    foreach (var batch in h!.Loader) { }
                }
            }
        }
        """);

    /// <summary>A member of an extension block in view that iterates its receiver iterates the loader it is called on (Stryker on EpochFlow: a mutant that read the receiver as an argument survived).</summary>
    [Fact]
    public Task IteratedByAMemberOfAnExtensionBlockInView() => V.AnalyzerAsync("""
        static class LoaderExtensions
        {
            extension(EpochDataLoader l)
            {
                public void RunEpoch() { foreach (var b in l) { } }
            }
        }
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var a = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < epochs; epoch++) {|#0:a|}.RunEpoch();
            }
        }
        """, Expected("a"));

    /// <summary>A method named <c>SetEpoch</c> that takes no epoch (a progress display's) sets none (Stryker on EpochFlow: a mutant that read it as a setter survived).</summary>
    [Fact]
    public Task AParameterlessSetEpochSetsNothing() => V.AnalyzerAsync(Train(Shuffled + " var progress = new Progress();",
        "for (int epoch = 0; epoch < epochs; epoch++) { progress.SetEpoch(); foreach (var batch in {|#0:trainLoader|}) { } }") + """

        class Progress
        {
            public void SetEpoch() => Console.WriteLine("next epoch");
        }
        """, Expected());

    /// <summary>Found by red team 23: a constructor's sampler local written through an <c>out</c> argument has a value not in view, so its declared <c>DistributedSampler</c> type counts.</summary>
    [Fact]
    public Task AFieldBuiltFromAConstructorsSamplerWrittenThroughOut() => V.AnalyzerAsync("""
        class Trainer
        {
            private readonly EpochDataLoader _train;
            public Trainer(InMemoryDataset data)
            {
                DistributedSampler sampler;
                if (!TryCreate(data.Count, out sampler)) sampler = new DistributedSampler(data.Count, 1, 0, shuffle: false);
                _train = new EpochDataLoader(data, batchSize: 32, sampler: sampler);
            }
            static bool TryCreate(long count, out DistributedSampler sampler) { sampler = new DistributedSampler(count, 2, 0); return true; }
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) foreach (var batch in {|#0:_train|}) { }
            }
        }
        """, Expected("_train"));

    /// <summary>Found by red team 23: the same in one member: a sampler local written through an <c>out</c> argument is not only the value seen.</summary>
    [Fact]
    public Task ALocalSamplerWrittenThroughOut() => V.AnalyzerAsync(Train(
        "var sampler = new DistributedSampler(data.Count, 1, 0, shuffle: false); TryCreate(data.Count, out sampler); var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: sampler);",
        EpochLoop + " static bool TryCreate(long count, out DistributedSampler s) { s = new DistributedSampler(count, 2, 0); return true; }"), Expected());

    // Found by red team 23.

    /// <summary>Found by red team 23: a stored lambda or local function that hands its loader parameter to a local function that sets it sets the argument of its own call.</summary>
    [Theory]
    [InlineData("Action<EpochDataLoader, int> begin = (l, e) => { Console.WriteLine(l.Count); Reshuffle(l, e); }; for (int epoch = 0; epoch < epochs; epoch++) { begin(trainLoader, epoch); foreach (var b in trainLoader) { } }")]
    [InlineData("void Begin(EpochDataLoader l, int e) { Console.WriteLine(l.Count); Reshuffle(l, e); } for (int epoch = 0; epoch < epochs; epoch++) { Begin(trainLoader, epoch); foreach (var b in trainLoader) { } }")]
    public Task AFunctionInViewThatHandsItsLoaderToALocalFunctionThatSetsIt(string loop) =>
        V.AnalyzerAsync(Train(Shuffled, "void Reshuffle(EpochDataLoader l, int e) => l.SetEpoch(e); " + loop));

    /// <summary>Found by red team 23: a stored lambda's iteration of its parameter, once per call, iterates the argument at each call.</summary>
    [Fact]
    public Task AStoredLambdaOverItsLoaderParameterIteratesTheArgumentAtTheCall() => V.AnalyzerAsync(Train(Shuffled,
        "Func<EpochDataLoader, int> trainEpoch = l => { int n = 0; foreach (var b in l) n++; return n; }; for (int epoch = 0; epoch < epochs; epoch++) { var n = trainEpoch({|#0:trainLoader|}); }"),
        Expected());

    /// <summary>Found by red team 23: a local function that hands its loader parameter to another that iterates it iterates the argument at its own call.</summary>
    [Fact]
    public Task ALocalFunctionThatCallsAnotherOverItsLoaderParameter() => V.AnalyzerAsync(Train(Shuffled,
        "void TrainEpoch(EpochDataLoader l) { foreach (var b in l) { } } void RunEpoch(EpochDataLoader l, int e) { Console.WriteLine(e); TrainEpoch(l); } for (int epoch = 0; epoch < epochs; epoch++) RunEpoch({|#0:trainLoader|}, epoch);"),
        Expected());

    /// <summary>Found by red team 23: a stored lambda that hands its <c>object</c> parameter to a method not in view hands on the loader its call gives it.</summary>
    [Fact]
    public Task ALoaderHandedToAStoredLambdaThatPassesItsObjectParameterOn() => V.AnalyzerAsync(Train(Shuffled,
        "var sink = new List<object>(); Action<string, object> publish = (topic, payload) => { Console.WriteLine(topic); sink.Add(payload); }; for (int epoch = 0; epoch < epochs; epoch++) { publish(\"epoch_start\", trainLoader); foreach (var b in trainLoader) { } }"));
    /// <summary>
    /// Named by red team 23's helper: a method in view that hands a parameter typed <c>object</c> (or a sequence, or a type
    /// parameter) to code not in view hands on the loader its caller gives it, as a stored lambda does.
    /// </summary>
    [Theory]
    [InlineData("object")]
    [InlineData("IEnumerable<Dictionary<string, Tensor>>")]
    [InlineData("T")]
    public Task ALoaderHandedToAMethodThatPassesItsParameterOn(string type) => V.AnalyzerAsync($$"""
        interface IPluginHost { void Attach(object plugin); }
        class Trainer(InMemoryDataset data, IPluginHost host)
        {
            private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 7);
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) { Register(_train); foreach (var batch in _train) { } }
            }
            private void Register{{(type == "T" ? "<T>" : "")}}({{type}} plugin) => host.Attach(plugin!);
        }
        """);

    /// <summary>Not a method that only reads its <c>object</c> parameter, nor one that hands on a parameter whose type cannot hold a loader.</summary>
    [Theory]
    [InlineData("private void Register(object plugin) => Console.WriteLine(plugin.GetHashCode());", "Register(_train)")]
    [InlineData("private void Register(InMemoryDataset set) => host.Attach(set);", "Register(data)")]
    public Task ALoaderHandedToAMethodThatDoesNotPassItOn(string method, string call) => V.AnalyzerAsync($$"""
        interface IPluginHost { void Attach(object plugin); }
        class Trainer(InMemoryDataset data, IPluginHost host)
        {
            private readonly EpochDataLoader _train = new(data, batchSize: 32, shuffle: true, seed: 7);
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) { {{call}}; foreach (var batch in {|#0:_train|}) { } }
            }
            {{method}}
        }
        """, V.Diagnostic().WithLocation(0).WithArguments("_train"));
    /// <summary>
    /// Held-out round Legacy named it: .NET's printing and checks (<c>Console.WriteLine</c>, <c>Trace.WriteLine</c>,
    /// <c>Debug.Assert</c>, <c>ArgumentNullException.ThrowIfNull</c>) set no epoch, so handing them the loader is not
    /// handling it; neither is a stored lambda that only prints it.
    /// </summary>
    [Theory]
    [InlineData("Console.WriteLine(trainLoader);")]
    [InlineData("System.Diagnostics.Trace.WriteLine(trainLoader);")]
    [InlineData("System.Diagnostics.Debug.Assert(trainLoader is not null, \"no loader\");")]
    [InlineData("ArgumentNullException.ThrowIfNull(trainLoader);")]
    [InlineData("Console.WriteLine(string.Format(\"{0}\", trainLoader));")]
    public Task ALoaderOnlyPrintedOrChecked(string statement) => V.AnalyzerAsync(Train(Shuffled,
        $"for (int epoch = 0; epoch < epochs; epoch++) {{ {statement} foreach (var batch in {{|#0:trainLoader|}}) {{ }} }}"), Expected());

    [Fact]
    public Task ALoaderHandedToAStoredLambdaThatOnlyPrintsIt() => V.AnalyzerAsync(Train(Shuffled,
        "Action<EpochDataLoader> hook = l => Console.WriteLine(l); for (int epoch = 0; epoch < epochs; epoch++) { hook(trainLoader); foreach (var b in {|#0:trainLoader|}) { } }"),
        Expected());

    /// <summary>A retry loop around the iteration (held-out round Apps): the epoch loop around it sets the epoch once per epoch.</summary>
    [Theory]
    [InlineData("for (int attempt = 0; attempt < 3; attempt++) { try { foreach (var batch in trainLoader) { } break; } catch (System.IO.IOException) { Console.WriteLine(attempt); } }")]
    [InlineData("while (true) { try { foreach (var batch in trainLoader) { } break; } catch (System.IO.IOException) when (epochs > 0) { continue; } }")]
    // Red team 25: a retry loop without braces, and one with a back-off after its try.
    [InlineData("for (int attempt = 0; ; attempt++) try { foreach (var batch in trainLoader) { } break; } catch (System.IO.IOException) when (attempt < 2) { }")]
    [InlineData("for (int attempt = 0; attempt < 3; attempt++) { try { foreach (var batch in trainLoader) { } break; } catch (System.IO.IOException) { } System.Threading.Thread.Sleep(100 << attempt); }")]
    public Task AnEpochSetAroundARetryLoop(string retry) => V.AnalyzerAsync(Train(Shuffled, $"for (int epoch = 0; epoch < epochs; epoch++) {{ trainLoader.SetEpoch(epoch); {retry} }}"));

    [Theory]
    [InlineData("for (int attempt = 0; attempt < 3; attempt++) { try { foreach (var batch in {|#0:trainLoader|}) { } break; } catch (System.IO.IOException) { } }")]
    [InlineData("trainLoader.SetEpoch(epoch); int pass = 0; while (true) { foreach (var batch in {|#0:trainLoader|}) { } if (++pass < 2) continue; break; }")] // repeats without failing
    public Task ARetryLoopIsNotTheEpochLoop(string inner) => V.AnalyzerAsync(Train(Shuffled, $"for (int epoch = 0; epoch < epochs; epoch++) {{ {inner} }}"), Expected());

    /// <summary>Asked by held-out round Assistants: an early-stopping <c>if (stop) break;</c> (and a loader's <c>Dispose()</c>) leaves the epoch loop an epoch loop.</summary>
    [Theory]
    [InlineData("if (++stale > 3) break;")]
    [InlineData("if (stale > 3) { Console.WriteLine(\"early stop\"); return; }")]
    [InlineData("if (++stale > 3) { trainLoader.Dispose(); break; }")]
    public Task AnEarlyStoppingEpochLoopIsStillTheEpochLoop(string after) => V.AnalyzerAsync(Train(Shuffled,
        $"int stale = 0; for (int epoch = 0; epoch < epochs; epoch++) {{ foreach (var batch in {{|#0:trainLoader|}}) {{ }} {after} }}"), Expected());

    // Setters some ranks skip: an epoch set only where `if (Dist.Rank == 0)` holds reaches rank 0 alone (held-out round
    // Edges wrote it and had to label it correct code: the page said "in any branch").

    private static string Ranked(string pass) => $$"""
        using Composer.Distributed;
        class Program
        {
            static void Train(InMemoryDataset data, int rank, bool isMainProcess, bool distributed, int worldSize, int epochs)
            {
                var shard = new DistributedSampler(data.Count, worldSize, rank, seed: 7);
                var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: shard);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{pass}}
                }
            }
            static int GetRank() => Dist.Rank;
        }
        """;

    private const string Iterate = "foreach (var batch in {|#0:trainLoader|}) { }";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult OnSomeRanks(string condition) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.CMP002EpochSetOnSomeRanks).WithLocation(0).WithArguments("trainLoader", condition);

    [Theory]
    [InlineData("if (Dist.Rank == 0) trainLoader.SetEpoch(epoch);", "Dist.Rank == 0")]
    [InlineData("if (rank == 0) { Console.WriteLine($\"epoch {epoch}\"); Epochs.SetEpoch(trainLoader, epoch); }", "rank == 0")]
    [InlineData("if (isMainProcess) shard.SetEpoch(epoch);", "isMainProcess")]
    [InlineData("if (rank == 0 && distributed) trainLoader.SetEpoch(epoch);", "rank == 0 && distributed")]
    [InlineData("if (GetRank() != 0) Console.WriteLine(); else trainLoader.SetEpoch(epoch);", "GetRank() != 0")]
    [InlineData("if (Dist.LocalRank == 0) { if (distributed) trainLoader.SetEpoch(epoch); }", "Dist.LocalRank == 0")]
    // Red team 24: snake_case names, an else-if whose setter is rank-limited too, a local function or stored lambda called under the branch.
    [InlineData("int local_rank = rank; if (local_rank == 0) trainLoader.SetEpoch(epoch);", "local_rank == 0")]
    [InlineData("if (Dist.Rank == 0) trainLoader.SetEpoch(epoch); else if (Dist.LocalRank == 0) trainLoader.SetEpoch(epoch);", "Dist.Rank == 0")]
    [InlineData("void Begin(int e) => trainLoader.SetEpoch(e); if (rank == 0) Begin(epoch);", "rank == 0")]
    [InlineData("Action<int> begin = e => trainLoader.SetEpoch(e); if (rank == 0) begin(epoch);", "rank == 0")]
    [InlineData("bool logs = rank == 0; if (logs) trainLoader.SetEpoch(epoch);", "logs")] // held-out round Ranks: a local declared from a rank test
    // A switch on the rank: a case is a branch, and without a default some ranks take none.
    [InlineData("switch (rank) { case 0: trainLoader.SetEpoch(epoch); break; }", "case 0")]
    [InlineData("switch (Dist.Rank) { case 0: trainLoader.SetEpoch(epoch); break; default: Console.WriteLine(epoch); break; }", "case 0")]
    [InlineData("switch (rank) { case 0: Console.WriteLine(epoch); trainLoader.SetEpoch(epoch); break; case 1: trainLoader.SetEpoch(epoch); break; }", "case 0")]
    [InlineData("switch (rank) { case 0 when distributed: trainLoader.SetEpoch(epoch); break; default: trainLoader.SetEpoch(epoch); break; case 1: break; }", "case 0 when distributed")]
    // Red team 25: a section's labels joined on one line; a covered rank switch inside a rank if without else (the if is the limit).
    [InlineData("switch (rank)\n{\n    case 0:\n    case 1:\n        trainLoader.SetEpoch(epoch);\n        break;\n}", "case 0, case 1")]
    [InlineData("if (Dist.LocalRank == 0) { switch (rank) { case 0: trainLoader.SetEpoch(epoch); break; default: trainLoader.SetEpoch(epoch); break; } }", "Dist.LocalRank == 0")]
    public Task AnEpochSetOnlyOnSomeRanks(string setter, string condition) => V.AnalyzerAsync(Ranked(setter + " " + Iterate), OnSomeRanks(condition));

    /// <summary>
    /// Every name the model knows for a rank or a main-process test, read as a field, a property or a call of the user's
    /// launcher, and with the <c>m_</c>/<c>s_</c> prefix of older code bases.
    /// </summary>
    [Theory]
    [InlineData("Launcher.GlobalRank == 0")]
    [InlineData("Launcher.WorldRank == 0")]
    [InlineData("Launcher.NodeRank == 0")]
    [InlineData("Launcher.MyRank == 0")]
    [InlineData("Launcher.ProcessRank == 0")]
    [InlineData("Launcher.DeviceRank == 0")]
    [InlineData("Launcher.GpuRank == 0")]
    [InlineData("Launcher.GetLocalRank() == 0")]
    [InlineData("Launcher.GetGlobalRank() == 0")]
    [InlineData("Launcher.IsMain")]
    [InlineData("Launcher.IsMainRank")]
    [InlineData("Launcher.IsMaster")]
    [InlineData("Launcher.IsMasterProcess")]
    [InlineData("Launcher.IsRankZero")]
    [InlineData("Launcher.IsRank0")]
    [InlineData("Launcher.IsRoot")]
    [InlineData("Launcher.IsRootRank")]
    [InlineData("Launcher.IsLeader")]
    [InlineData("Launcher.IsChief")]
    [InlineData("Launcher.IsGlobalZero")]
    [InlineData("Launcher.IsLocalZero")]
    [InlineData("Launcher.IsPrimary")]
    [InlineData("Launcher.IsFirstRank")]
    [InlineData("Launcher.m_isMaster")]
    [InlineData("Launcher.s_localRank == 0")]
    public Task AnEpochSetOnlyWhereALaunchersRankTestHolds(string condition) => V.AnalyzerAsync(
        Ranked($"if ({condition}) trainLoader.SetEpoch(epoch); {Iterate}") + Launcher, OnSomeRanks(condition));

    private const string Launcher = """

        static class Launcher
        {
            public static int GlobalRank, WorldRank, NodeRank, MyRank, ProcessRank, DeviceRank, GpuRank, s_localRank;
            public static bool IsMain, IsMainRank, IsMaster, IsMasterProcess, IsRankZero, IsRank0, IsRoot, IsRootRank, IsLeader, IsChief,
                IsGlobalZero, IsLocalZero, IsPrimary, IsFirstRank, m_isMaster;
            public static int GetLocalRank() => Dist.LocalRank;
            public static int GetGlobalRank() => Dist.Rank;
        }
        """;

    [Theory]
    [InlineData("if (distributed) trainLoader.SetEpoch(epoch);")]                         // the same on every rank
    [InlineData("if (worldSize > 1) shard.SetEpoch(epoch);")]
    [InlineData("if (Dist.WorldSize > 1) trainLoader.SetEpoch(epoch);")]
    [InlineData("if (rank == 0) { Console.WriteLine(epoch); trainLoader.SetEpoch(epoch); } else trainLoader.SetEpoch(epoch);")] // both branches
    [InlineData("trainLoader.SetEpoch(epoch); if (rank == 0) shard.SetEpoch(epoch);")]
    [InlineData("void Begin(int e) { if (rank == 0) Console.WriteLine(e); trainLoader.SetEpoch(e); } Begin(epoch);")] // the call reaches every rank
    [InlineData("void Begin(int e) { if (Dist.Rank == 0) trainLoader.SetEpoch(e); } Begin(epoch);")]             // a callee's own conditions are not read
    [InlineData("if (shard is not null) shard.SetEpoch(epoch);")]                                                  // a sampler made from the rank is no rank test
    [InlineData("switch (rank) { case 0: Console.WriteLine(epoch); trainLoader.SetEpoch(epoch); break; default: trainLoader.SetEpoch(epoch); break; }")] // every case
    [InlineData("switch (rank) { case 0: case 1: trainLoader.SetEpoch(epoch); break; default: shard.SetEpoch(epoch); break; }")]
    [InlineData("switch (worldSize) { case 1: trainLoader.SetEpoch(epoch); break; }")]                              // the same on every rank
    // Red team 25: a case that takes any rank is a default; sections that jump to one another are not read as rank branches.
    [InlineData("switch (rank) { case 0: trainLoader.SetEpoch(epoch); break; case var worker: trainLoader.SetEpoch(epoch); break; }")]
    [InlineData("switch (rank) { case 0: Console.WriteLine(epoch); goto default; default: trainLoader.SetEpoch(epoch); break; }")]
    [InlineData("switch (rank) { case 0: trainLoader.SetEpoch(epoch); break; default: Console.WriteLine(epoch); goto case 0; }")]
    public Task AnEpochSetOnEveryRank(string setter) => V.AnalyzerAsync(Ranked(setter + " " + Iterate.Replace("{|#0:trainLoader|}", "trainLoader")));

    /// <summary>
    /// A guard that sends the other ranks away is a branch every rank takes an arm of: a setter after it reaches every
    /// rank when the guard's exit arm sets the loader too (Stryker on RankBranch: a mutant of <c>Exhaustive</c> that read a
    /// guard as an <c>if</c> without <c>else</c> survived).
    /// </summary>
    [Fact]
    public Task AnEpochSetAfterARankGuardWhoseExitArmSetsItToo() => V.AnalyzerAsync(Ranked(
        "foreach (var batch in trainLoader) { } if (!isMainProcess) { trainLoader.SetEpoch(epoch + 1); continue; } trainLoader.SetEpoch(epoch + 1);"));

    /// <summary>
    /// A section whose labels include <c>default:</c> takes every rank the other cases leave, whatever its other labels
    /// (Stryker on RankBranch: a mutant that read a switch as exhaustive only where every label of a section takes any value survived).
    /// </summary>
    [Theory]
    [InlineData("switch (rank) { case 0: trainLoader.SetEpoch(epoch); break; case 1: default: trainLoader.SetEpoch(epoch); break; }")]
    [InlineData("switch (rank) { case 0: trainLoader.SetEpoch(epoch); break; case 1: case var worker: trainLoader.SetEpoch(epoch); break; }")]
    public Task ASwitchSectionWithADefaultAmongItsLabelsTakesTheOtherRanks(string setter) => V.AnalyzerAsync(Ranked(setter + " " + Iterate.Replace("{|#0:trainLoader|}", "trainLoader")));

    /// <summary>
    /// A <c>goto case</c> inside a section's block, not only as a statement of its own, joins the sections: the
    /// switch is not read as rank branches (Stryker on RankBranch: a mutant that saw only a jump that is a whole statement survived).
    /// </summary>
    [Fact]
    public Task ASwitchWhoseSectionJumpsToAnotherFromWithinABlock() => V.AnalyzerAsync(Ranked(
        "switch (rank) { case 0: trainLoader.SetEpoch(epoch); break; default: { Console.WriteLine(epoch); goto case 0; } } foreach (var batch in trainLoader) { }"));

    /// <summary>A loader that only some ranks iterate (rank 0's evaluation, say) needs its epoch on those ranks only.</summary>
    [Theory]
    [InlineData("if (Dist.Rank == 0) { trainLoader.SetEpoch(epoch); foreach (var batch in trainLoader) { } }")]
    [InlineData("if (Dist.Rank == 0) trainLoader.SetEpoch(epoch); if (Dist.Rank == 0) foreach (var batch in trainLoader) { }")]
    [InlineData("void Preview() { foreach (var batch in trainLoader.Take(2)) { } } if (Dist.Rank == 0) { trainLoader.SetEpoch(epoch); Preview(); }")]
    [InlineData("if (Dist.Rank == 0) trainLoader.SetEpoch(epoch); if (Dist.Rank != 0) continue; foreach (var batch in trainLoader.Take(2)) { }")]
    [InlineData("switch (rank) { case 0: trainLoader.SetEpoch(epoch); foreach (var batch in trainLoader) { } break; default: break; }")]
    public Task ALoaderIteratedOnTheSameRanks(string pass) => V.AnalyzerAsync(Ranked(pass));

    /// <summary>A guard that sends the other ranks away (red team 24): the setter after it runs on the ranks it lets through.</summary>
    [Theory]
    [InlineData("if (!isMainProcess) continue;")]
    [InlineData("if (rank != 0) { Console.WriteLine(epoch); continue; }")]
    [InlineData("if (!isMainProcess) throw new NotSupportedException(\"one process\");")] // a guard that throws sends them away too
    public Task AnEpochSetAfterAGuardThatSendsOtherRanksAway(string guard) => V.AnalyzerAsync(
        Ranked($"{Iterate} {guard} trainLoader.SetEpoch(epoch + 1);"), OnSomeRanks(guard));

    /// <summary>An <c>if</c> on the rank with an empty body sends no rank away (Stryker on EpochFlow: a mutant that read an empty block's last statement threw).</summary>
    [Fact]
    public Task AnEmptyIfOnTheRankIsNoGuard() => V.AnalyzerAsync(Ranked("if (rank != 0) { } trainLoader.SetEpoch(epoch); " + Iterate.Replace("{|#0:trainLoader|}", "trainLoader")));

    /// <summary>
    /// A local function called before the loop as well as under a rank branch in it is limited, in the loop, by that branch:
    /// the call outside the loop does not count (Stryker on EpochFlow: a mutant that read the call outside the loop as one
    /// on every rank survived).
    /// </summary>
    [Fact]
    public Task ALocalFunctionCalledBeforeTheLoopAndUnderARankBranchInIt() => V.AnalyzerAsync(
        Ranked("if (rank == 0) Begin(epoch); " + Iterate).Replace("        for (int epoch = 0;", "        void Begin(int e) => trainLoader.SetEpoch(e);\n        Begin(0);\n        for (int epoch = 0;"),
        OnSomeRanks("rank == 0"));

    /// <summary>
    /// A local function that calls itself (one more pass after a failure) is followed once: the loop around its first call is
    /// the epoch loop, and a setter in it is read on every rank (Stryker on EpochFlow: mutants that lost the guard against
    /// following a function into itself survived).
    /// </summary>
    [Theory]
    [InlineData("void RunEpoch(int attempt) { try { foreach (var batch in {|#0:trainLoader|}) { } } catch (System.IO.IOException) when (attempt < 3) { RunEpoch(attempt + 1); } } RunEpoch(0);", true)]
    [InlineData("void Begin(int e, int tries) { trainLoader.SetEpoch(e); if (tries > 0) Begin(e, tries - 1); } Begin(epoch, 1); foreach (var batch in trainLoader) { }", false)]
    public Task ALocalFunctionThatCallsItself(string pass, bool flagged) => V.AnalyzerAsync(Ranked(pass), flagged ? [Expected()] : []);

    /// <summary>An iteration in one arm of a rank branch is not handled by a setter in the other arm (red team 24).</summary>
    [Theory]
    [InlineData("if (rank == 0) { trainLoader.SetEpoch(epoch); foreach (var batch in trainLoader) { } } else { foreach (var batch in {|#0:trainLoader.Take(10)|}) { } }")]
    [InlineData("switch (rank) { case 0: trainLoader.SetEpoch(epoch); break; default: foreach (var batch in {|#0:trainLoader.Take(10)|}) { } break; }")]
    [InlineData("if (!isMainProcess) { trainLoader.SetEpoch(epoch); continue; } foreach (var batch in {|#0:trainLoader|}) { }")] // the setter's ranks left
    // Red team 25: the same through a local function called only in the other arm.
    [InlineData("void Begin(int e) => trainLoader.SetEpoch(e); if (!isMainProcess) { Begin(epoch); continue; } foreach (var batch in {|#0:trainLoader|}) { }")]
    [InlineData("void Begin(int e) => trainLoader.SetEpoch(e); switch (rank) { case 0: Begin(epoch); break; default: foreach (var batch in {|#0:trainLoader.Take(8)|}) { } break; }")]
    public Task AnIterationOnOtherRanksThanTheSetter(string pass) => V.AnalyzerAsync(Ranked(pass), Expected());

    [Fact]
    public Task NoSetterAtAllKeepsTheFirstMessage() => V.AnalyzerAsync(Ranked("if (rank == 0) Console.WriteLine(epoch); " + Iterate), Expected());

    // Property setters in view: `Epoch = epoch` runs the setter, which is read as a call (held-out round Modern asked;
    // the pages had said accessors are never followed).

    private static string WithEpochProperty(string property, string assign) => $$"""
        class Trainer
        {
            private readonly EpochDataLoader _train;
            private int _epoch;
            public Trainer(InMemoryDataset data) => _train = new EpochDataLoader(data, batchSize: 32, shuffle: true);
            {{property}}
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{assign}}
                    foreach (var batch in {|#0:_train|}) { }
                }
            }
        }
        """;

    [Theory]
    [InlineData("public int Epoch { get => _epoch; set { _epoch = value; _train.SetEpoch(value); } }", "Epoch = epoch;")]
    [InlineData("public int Epoch { get => _epoch; set => Epochs.SetEpoch(_train, _epoch = value); }", "this.Epoch = epoch;")]
    [InlineData("public int Epoch { set { _epoch = value; Begin(); } } private void Begin() => _train.SetEpoch(_epoch);", "Epoch = epoch;")]
    // Red team 24: every write runs the setter.
    [InlineData("public int Epoch { get => _epoch; set { _epoch = value; _train.SetEpoch(value); } }", "Epoch++;")]
    [InlineData("public int Epoch { get => _epoch; set { _epoch = value; _train.SetEpoch(value); } }", "Epoch += 1;")]
    [InlineData("public int Epoch { get => _epoch; set { _epoch = value; _train.SetEpoch(value); } } public int Step { get; set; }", "(Epoch, Step) = (epoch, 0);")]
    public Task AnEpochSetByAPropertySetterInView(string property, string assign) =>
        V.AnalyzerAsync(WithEpochProperty(property, assign).Replace("{|#0:_train|}", "_train"));

    [Theory]
    [InlineData("public int Epoch { get; set; }", "Epoch = epoch;")]                                     // an auto-property sets nothing
    [InlineData("public int Epoch { get => _epoch; set => _epoch = value; }", "Epoch = epoch;")]
    [InlineData("public int Epoch { get => _epoch; set { _epoch = value; _train.SetEpoch(value); } }", "_epoch = epoch;")] // its field, not the property
    public Task APropertySetterThatSetsNoEpoch(string property, string assign) =>
        V.AnalyzerAsync(WithEpochProperty(property, assign), Expected("_train"));

    // A hooks object built around the loader: `var hooks = new Hooks(train);` before the loop, `hooks.OnEpochStart(epoch)`
    // on the pass sets what its constructor was given (held-out round Modern asked).

    private static string WithHooks(string hooks, string make, string call = "hooks.OnEpochStart(epoch);") => $$"""
        {{hooks}}
        class Program
        {
            static void Train(InMemoryDataset data, InMemoryDataset other, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                var otherLoader = new EpochDataLoader(other, batchSize: 32, shuffle: true);
                {{make}}
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{call}}
                    foreach (var batch in {|#0:trainLoader|}) { }
                }
            }
        }
        """;

    private const string FieldHooks = "class Hooks { private readonly EpochDataLoader _loader; public Hooks(EpochDataLoader loader) => _loader = loader; public void OnEpochStart(int epoch) => _loader.SetEpoch(epoch); }";
    private const string CapturingHooks = "class Hooks(EpochDataLoader loader) { public void OnEpochStart(int epoch) => loader.SetEpoch(epoch); }";
    private const string InitializedHooks = "class Hooks(EpochDataLoader loader) { private readonly EpochDataLoader _loader = loader; public void OnEpochStart(int epoch) => Epochs.SetEpoch(_loader, epoch); }";

    [Theory]
    [InlineData(FieldHooks, "var hooks = new Hooks(trainLoader);")]
    [InlineData(CapturingHooks, "var hooks = new Hooks(trainLoader);")]
    [InlineData(InitializedHooks, "Hooks hooks = new(trainLoader);")]
    // Red team 24: a null guard, constructors chained with this(…) and base(…).
    [InlineData("class Hooks { private readonly EpochDataLoader _loader; public Hooks(EpochDataLoader loader) { _loader = loader ?? throw new ArgumentNullException(nameof(loader)); } public void OnEpochStart(int epoch) => _loader.SetEpoch(epoch); }", "var hooks = new Hooks(trainLoader);")]
    [InlineData("class Hooks { private readonly EpochDataLoader _loader; public Hooks(EpochDataLoader loader) : this(loader, 0) { } public Hooks(EpochDataLoader loader, int warmup) => _loader = loader; public void OnEpochStart(int epoch) => _loader.SetEpoch(epoch); }", "var hooks = new Hooks(trainLoader);")]
    [InlineData("class Base { private readonly EpochDataLoader _loader; protected Base(EpochDataLoader loader) => _loader = loader; public void OnEpochStart(int epoch) => _loader.SetEpoch(epoch); } class Hooks : Base { public Hooks(EpochDataLoader loader) : base(loader) { } }", "var hooks = new Hooks(trainLoader);")]
    public Task AnEpochSetByAnObjectBuiltAroundTheLoader(string hooks, string make) =>
        V.AnalyzerAsync(WithHooks(hooks, make).Replace("{|#0:trainLoader|}", "trainLoader"));

    /// <summary>A property of an object built around the loader (red team 24), also set in an object initializer.</summary>
    [Theory]
    [InlineData("var hooks = new Hooks(trainLoader);", "hooks.Epoch = epoch;")]
    [InlineData("", "_ = new Hooks(trainLoader) { Epoch = epoch };")]
    public Task AnEpochSetByAPropertyOfAnObjectBuiltAroundTheLoader(string make, string call) => V.AnalyzerAsync(WithHooks(
        "class Hooks(EpochDataLoader loader) { public int Epoch { set => loader.SetEpoch(value); } }", make, call).Replace("{|#0:trainLoader|}", "trainLoader"));

    [Fact]
    public Task AnEpochSetByAnObjectCreatedOnThePass() =>
        V.AnalyzerAsync(WithHooks(CapturingHooks, "", "new Hooks(trainLoader).OnEpochStart(epoch);").Replace("{|#0:trainLoader|}", "trainLoader"));

    [Theory]
    [InlineData(FieldHooks, "var hooks = new Hooks(otherLoader);")]                 // built around another loader
    [InlineData(CapturingHooks, "var hooks = new Hooks(otherLoader);")]
    [InlineData("class Hooks(EpochDataLoader loader) { public void OnEpochStart(int epoch) { } public long Count => loader.Count; }", "var hooks = new Hooks(trainLoader);")] // sets nothing
    public Task AnObjectBuiltAroundAnotherLoaderOrSettingNothing(string hooks, string make) =>
        V.AnalyzerAsync(WithHooks(hooks, make), Expected());

    /// <summary>A lambda in a list of hooks, with its own parameter as the epoch, is a setter handed on (held-out round Modern asked).</summary>
    [Theory]
    [InlineData("List<Action<int>> hooks = [e => trainLoader.SetEpoch(e)];", true)]
    [InlineData("Action<int>[] hooks = { e => Epochs.SetEpoch(trainLoader, e) };", true)]
    [InlineData("var hooks = new Action<int>[] { e => trainLoader.SetEpoch(e) };", true)]
    [InlineData("List<Action<int>> hooks = [e => Console.WriteLine(e)];", false)]
    // Red team 24: in a tuple of a list, an epoch read from the parameter, a dictionary's entry.
    [InlineData("List<(string Name, Action<int> Run)> named = [(\"reshuffle\", e => trainLoader.SetEpoch(e))]; var hooks = named.Select(n => n.Run).ToList();", true)]
    [InlineData("Action<int>[] hooks = [e => trainLoader.SetEpoch(e - 1)];", true)]
    [InlineData("var book = new Dictionary<string, Action<int>> { [\"reshuffle\"] = e => trainLoader.SetEpoch(e) }; var hooks = book.Values;", true)]
    public Task ASetterInALambdaOfAListOfHooks(string hooks, bool handled) => V.AnalyzerAsync(Train(Shuffled,
        $"{hooks} for (int epoch = 0; epoch < epochs; epoch++) {{ foreach (var h in hooks) h(epoch); foreach (var batch in {(handled ? "trainLoader" : "{|#0:trainLoader|}")}) {{ }} }}"),
        handled ? [] : [Expected()]);
}
