using Composer.Analyzers.Rules;
using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Rules;

public class CMP001SetEpochOnSamplerOnlyTests
{
    private static readonly RuleVerifier V = new(Descriptors.CMP001SetEpochOnSamplerOnly);

    /// <summary>A training method around <paramref name="body"/>, with a loader built from a batch sampler.</summary>
    private static string Train(string body, string loader = "var trainLoader = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(data.Count, 2, 0), 32));") => $$"""
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                {{loader}}
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{body}}
                    foreach (var batch in trainLoader) { }
                }
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(string loader = "trainLoader", string sampler = "Sampler") => V.Diagnostic().WithLocation(0).WithArguments(loader, sampler);

    // Positive shapes.

    [Fact]
    public Task PatternTestedSampler() =>
        V.AnalyzerAsync(Train("if (trainLoader.Sampler is IEpochAware s) {|#0:s.SetEpoch(epoch)|};"), Expected());

    /// <summary>A local function that only reads the batch sampler handed to it does not handle it.</summary>
    [Fact]
    public Task ABatchSamplerHandedToALocalFunctionThatOnlyReadsIt() =>
        V.AnalyzerAsync(Train("void Log(IBatchSampler b) => Console.WriteLine(b.Count); {|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(epoch)|}; Log(trainLoader.BatchSampler!);"), Expected());

    [Fact]
    public Task ABatchSamplerHandedToALocalFunctionThatSetsIt() =>
        V.AnalyzerAsync(Train("void Reset(IBatchSampler b, int e) => ((IEpochAware)b).SetEpoch(e); ((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); Reset(trainLoader.BatchSampler!, epoch);"));

    /// <summary>Found by red team 22: a lambda stored in a local is in view too; one that only reads the batch sampler handed to it does not handle it.</summary>
    [Fact]
    public Task ABatchSamplerHandedToAStoredLambdaThatOnlyReadsIt() =>
        V.AnalyzerAsync(Train("Action<IBatchSampler> log = b => Console.WriteLine(b.Count); {|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(epoch)|}; log(trainLoader.BatchSampler!);"), Expected());

    /// <summary>A local given another lambda written here later still holds only lambdas in view (Stryker on EpochFlow: a mutant that took any write for one not in view survived).</summary>
    [Fact]
    public Task ABatchSamplerHandedToAStoredLambdaReassignedAnotherThatOnlyReadsIt() => V.AnalyzerAsync(Train(
        "Action<IBatchSampler> log = b => Console.WriteLine(b.Count); if (epoch > 0) log = b => Console.WriteLine(b.Count + 1); {|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(epoch)|}; log(trainLoader.BatchSampler!);"), Expected());

    [Fact]
    public Task ABatchSamplerHandedToAStoredLambdaThatSetsIt() =>
        V.AnalyzerAsync(Train("Action<IBatchSampler, int> reset = (b, e) => { if (b is IEpochAware a) a.SetEpoch(e); }; ((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); reset(trainLoader.BatchSampler!, epoch);"));

    /// <summary>
    /// A local that holds a lambda written here but may hold something else too is not in view: called, it may set the batch
    /// sampler handed to it, whether the other value is a method (<c>log = Console.WriteLine</c>), comes through a
    /// <c>ref</c> argument, or is all it is given (an <c>out</c> argument). Stryker on EpochFlow: mutants of HoldsOnlyLambdas
    /// that took any of these for a lambda of this member survived.
    /// </summary>
    [Theory]
    [InlineData("Action<IBatchSampler> log = b => Console.WriteLine(b.Count); if (epoch > 0) log = Console.WriteLine;")]
    [InlineData("Action<IBatchSampler> log = b => Console.WriteLine(b.Count); Hooks.Replace(ref log);")]
    [InlineData("Action<IBatchSampler> log; Hooks.Make(out log);")]
    public Task ABatchSamplerHandedToALocalDelegateThatMayNotBeALambdaOfHers(string log) => V.AnalyzerAsync(Train(
        log + " ((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); log(trainLoader.BatchSampler!);") + """

        static class Hooks
        {
            public static void Replace(ref Action<IBatchSampler> log) { }
            public static void Make(out Action<IBatchSampler> log) => log = b => { };
        }
        """);

    [Fact]
    public Task CastSampler() =>
        V.AnalyzerAsync(Train("{|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(epoch)|};"), Expected());

    [Fact]
    public Task CastToConcreteSampler() =>
        V.AnalyzerAsync(Train("{|#0:((DistributedSampler)trainLoader.Sampler).SetEpoch(epoch)|};"), Expected());

    /// <summary>A local that renames another that renames the sampler is the sampler (Stryker on EpochFlow: a mutant that followed one rename only survived).</summary>
    [Fact]
    public Task ASamplerRenamedTwice() =>
        V.AnalyzerAsync(Train("var s = trainLoader.Sampler; var t = s; {|#0:((IEpochAware)t).SetEpoch(epoch)|};"), Expected());

    /// <summary>
    /// A local function that sets both parts of the loader handed to it sets both at the call, so the sampler set here as
    /// well is not set alone: the second setter on the same parameter is mapped too (Stryker on EpochFlow: no test mapped two
    /// setters of one parameter, and mutants that kept only the first survived).
    /// </summary>
    [Fact]
    public Task ALocalFunctionThatSetsBothPartsOfItsParameter() => V.AnalyzerAsync(Train(
        "void Reset(EpochDataLoader l, int e) { ((IEpochAware)l.Sampler).SetEpoch(e); ((IEpochAware)l.BatchSampler!).SetEpoch(e); } ((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); Reset(trainLoader, epoch);"));

    /// <summary>
    /// A loader handed to a local function as an <c>IEpochAware</c> that it sets is set as a whole at the call, so the sampler
    /// set here is not set alone (Stryker on EpochFlow: a mutant that kept such a setter on an object, not the loader, survived).
    /// </summary>
    [Fact]
    public Task ALoaderHandedToALocalFunctionAsEpochAwareIsSetWhole() => V.AnalyzerAsync(Train(
        "void Reset(IEpochAware a, int e) => a.SetEpoch(e); ((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); Reset(trainLoader, epoch);"));

    /// <summary>
    /// A local function that sets only the sampler of the loader handed to it sets only that part at the call, not the whole
    /// loader: the sampler set here is still set alone (Stryker on EpochFlow: a mutant that mapped every part's setter to the
    /// whole loader survived).
    /// </summary>
    [Fact]
    public Task ALocalFunctionThatSetsOnlyTheSamplerOfItsParameter() => V.AnalyzerAsync(Train(
        "void Reset(EpochDataLoader l, int e) => {|#1:((IEpochAware)l.Sampler).SetEpoch(e)|}; {|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(epoch)|}; Reset(trainLoader, epoch);"),
        Expected(), V.Diagnostic().WithLocation(1).WithArguments("l", "Sampler"));

    [Fact]
    public Task AsWithConditionalAccess() =>
        V.AnalyzerAsync(Train("(trainLoader.Sampler as IEpochAware)?{|#0:.SetEpoch(epoch)|};"), Expected());

    [Fact]
    public Task LocalAlias() =>
        V.AnalyzerAsync(Train("var sampler = (IEpochAware)trainLoader.Sampler; {|#0:sampler.SetEpoch(epoch)|};"), Expected());

    [Fact]
    public Task ClassBalancedBatchSampler() =>
        V.AnalyzerAsync(Train("if (trainLoader.Sampler is IEpochAware s) {|#0:s.SetEpoch(epoch)|};",
            "var trainLoader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(new long[] { 0, 1 }, 2, 4));"), Expected());

    [Fact]
    public Task LoaderInAField() => V.AnalyzerAsync("""
        class Trainer
        {
            readonly EpochDataLoader _loader;
            public Trainer(EpochDataLoader loader) => _loader = loader;
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (_loader.Sampler is IEpochAware s) {|#0:s.SetEpoch(epoch)|};
                    foreach (var batch in _loader) { }
                }
            }
        }
        """, Expected("_loader"));

    [Fact]
    public Task LoaderInAProperty() => V.AnalyzerAsync("""
        class Trainer
        {
            public EpochDataLoader TrainLoader { get; init; } = null!;
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {|#0:((IEpochAware)this.TrainLoader.Sampler).SetEpoch(epoch)|};
                    foreach (var batch in TrainLoader) { }
                }
            }
        }
        """, Expected("this.TrainLoader"));

    [Fact]
    public Task LoaderPortedFromPyTorch() => V.AnalyzerAsync("""
        class MySampler { public void set_epoch(int epoch) { } }
        class MyLoader
        {
            public MySampler sampler = new();
            public object batch_sampler = new();
            public IEnumerator<object> GetEnumerator() { yield break; }
        }
        class Program
        {
            static void Train(MyLoader loader, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {|#0:loader.sampler.set_epoch(epoch)|};
                }
            }
        }
        """, Expected("loader", "sampler"));

    /// <summary>A loader ported from PyTorch, built in view with a batch sampler recognised by its type (the parameter is not named batch_sampler).</summary>
    private const string PortedLoaderBuiltInView = """
        class MySampler { public void set_epoch(int epoch) { } }
        class MyLoader
        {
            public MyLoader(InMemoryDataset data, IBatchSampler? batches = null) { }
            public MySampler sampler = new();
            public object batch_sampler = new();
            public IEnumerator<object> GetEnumerator() { yield break; }
        }
        """;

    [Fact]
    public Task PortedLoaderBuiltWithABatchSamplerOfItsType() => V.AnalyzerAsync(PortedLoaderBuiltInView + """
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var loader = new MyLoader(data, new BatchSampler(new RandomSampler(data.Count, seed: 1), 8));
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {|#0:loader.sampler.set_epoch(epoch)|};
                    foreach (var batch in loader) { }
                }
            }
        }
        """, Expected("loader", "sampler"));

    /// <summary>
    /// A loader that may be one set out of view (<c>TryResume(path, out resumed)</c>): how it was built is not known, so it
    /// may draw from a custom batch sampler. Chosen beside a fresh loader, or copied from the backup checkpoint's.
    /// </summary>
    [Theory]
    [InlineData("var trainLoader = epochs > 1 ? resumed : new EpochDataLoader(data, batchSize: 64, shuffle: true);")]
    [InlineData("if (!TryResume(\"backup.ckpt\", out backup)) backup = resumed; var trainLoader = backup;")]
    public Task ALoaderThatMayBeOneSetOutOfView(string loader) => V.AnalyzerAsync($$"""
        class Program
        {
            static bool TryResume(string path, out EpochDataLoader loader) { loader = null!; return false; }
            static void Train(InMemoryDataset data, int epochs)
            {
                EpochDataLoader resumed, backup;
                if (!TryResume("last.ckpt", out resumed)) resumed = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                {{loader}}
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(epoch)|};
                    foreach (var batch in trainLoader) { }
                }
            }
        }
        """, Expected());

    // Negative shapes.

    [Theory]
    [InlineData("batches", "new MyLoader(data)")]
    [InlineData("batch_sampler", "new MyLoader(data, batch_sampler: null)")] // a port of batch_sampler=None
    public Task PortedLoaderBuiltWithoutABatchSampler(string parameter, string creation) => V.AnalyzerAsync(PortedLoaderBuiltInView.Replace("batches = null", parameter + " = null") + $$"""
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var loader = {{creation}};
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    loader.sampler.set_epoch(epoch);
                    foreach (var batch in loader) { }
                }
            }
        }
        """);

    [Fact]
    public Task EpochsSetEpoch() => V.AnalyzerAsync(Train("Epochs.SetEpoch(trainLoader, epoch);"));

    [Fact]
    public Task LoaderSetEpoch() => V.AnalyzerAsync(Train("trainLoader.SetEpoch(epoch);"));

    [Fact]
    public Task BatchSamplerHandledByHand() => V.AnalyzerAsync(Train("""
        if (trainLoader.BatchSampler is IEpochAware b) b.SetEpoch(epoch);
        else if (trainLoader.Sampler is IEpochAware s) s.SetEpoch(epoch);
        """));

    [Fact]
    public Task SamplerSetBesideAWholeLoaderCall() => V.AnalyzerAsync(Train("""
        Epochs.SetEpoch(trainLoader, epoch);
        if (trainLoader.Sampler is IEpochAware s) s.SetEpoch(epoch);
        """));

    [Fact]
    public Task TheSamplerObjectInsideTheBatchSampler() => V.AnalyzerAsync(Train(
        "sampler.SetEpoch(epoch);",
        "var sampler = new DistributedSampler(data.Count, 2, 0); var trainLoader = new EpochDataLoader(data, batchSampler: new BatchSampler(sampler, 32));"));

    /// <summary>A setter on the batch sampler variable the loader was built from handles the batch sampler.</summary>
    [Fact]
    public Task TheBatchSamplerVariableTheLoaderWasBuiltFrom() => V.AnalyzerAsync(Train(
        "((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); batches.SetEpoch(epoch);",
        "var batches = new BatchSampler(new DistributedSampler(data.Count, 2, 0), 32); var trainLoader = new EpochDataLoader(data, batchSampler: batches);"));

    [Fact]
    public Task LoaderWithoutABatchSamplerBatchesItsOwnSampler() => V.AnalyzerAsync(Train(
        "((DistributedSampler)trainLoader.Sampler).SetEpoch(epoch);",
        "var trainLoader = new EpochDataLoader(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0));"));

    [Fact]
    public Task NoLoaderInvolved() => V.AnalyzerAsync("""
        class Program
        {
            static void Train(DistributedSampler sampler, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) sampler.SetEpoch(epoch);
            }
        }
        """);

    [Fact]
    public Task UnrelatedSetEpochMethod() => V.AnalyzerAsync("""
        class Schedule { public object Sampler = new(); public void SetEpoch(int epoch) { } }
        class Program
        {
            static void Run(Schedule schedule) { for (int e = 0; e < 3; e++) schedule.SetEpoch(e); }
        }
        """);

    [Fact]
    public Task CompilationWithoutTorchSharpOrRuntimeRegistersNothing()
    {
        // The runtime's names, declared in source, without the real assemblies: the rule does not run.
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<EpochAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = """
                class Sampler { public void SetEpoch(int e) { } }
                class Loader { public Sampler Sampler = new(); public object BatchSampler = new(); }
                class Program { static void M(Loader l) { for (int e = 0; e < 2; e++) l.Sampler.SetEpoch(e); } }
                """,
            ReferenceAssemblies = TestReferences.Net80,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task ThroughASwitchPattern() => V.AnalyzerAsync(Train(
        "switch (trainLoader.Sampler) { case IEpochAware s: {|#0:s.SetEpoch(epoch)|}; break; }"), Expected());

    [Fact]
    public Task TorchSharpLoaderHasNoBatchSampler() => V.AnalyzerAsync(Train(
        "if (trainLoader.sampler is IEpochAware s) s.SetEpoch(epoch);",
        "var trainLoader = new TorchSharp.Modules.DataLoader(data, 32, new DistributedSampler(data.Count, 2, 0));"));

    [Fact]
    public Task EveryArmWithoutABatchSampler() => V.AnalyzerAsync(Train(
        "if (trainLoader.Sampler is IEpochAware s) s.SetEpoch(epoch);",
        "var trainLoader = data.Count > 100 ? new EpochDataLoader(data, batchSize: 32, shuffle: true) : new EpochDataLoader(data, batchSize: 8, shuffle: true);"));

    [Fact]
    public Task OneArmWithABatchSampler() => V.AnalyzerAsync(Train(
        "if (trainLoader.Sampler is IEpochAware s) {|#0:s.SetEpoch(epoch)|};",
        "var trainLoader = data.Count > 100 ? new EpochDataLoader(data, batchSize: 32, shuffle: true) : new EpochDataLoader(data, batchSampler: new BatchSampler(new RandomSampler(data.Count), 8));"), Expected());

    /// <summary>The batch sampler handed to a call through <c>dynamic</c> goes to code not in view, which may set its epoch.</summary>
    [Fact]
    public Task TheBatchSamplerHandedToADynamicCallMayBeSet() => V.AnalyzerAsync(Train(
        "dynamic plugin = new object(); ((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); plugin.reseed(trainLoader.BatchSampler, epoch);"));

    /// <summary>
    /// The batch sampler put in an array of objects, through its conversion to <c>object</c>, is handed on with it
    /// (Stryker on EpochFlow: mutants that did not look through the conversion, or at array elements, survived).
    /// </summary>
    [Fact]
    public Task TheBatchSamplerPutInAnArrayOfObjectsMayBeSet() => V.AnalyzerAsync(Train(
        "((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); var parts = new object[] { trainLoader.BatchSampler };"));

    /// <summary>
    /// Handed to a delegate not written here (<c>Action&lt;object&gt; describe = Console.WriteLine;</c>), the batch sampler goes
    /// to code not in view (Stryker on EpochFlow: a mutant that dropped such a call's mention had no test to cover it).
    /// </summary>
    [Fact]
    public Task TheBatchSamplerHandedToAStoredDelegateNotInViewMayBeSet() => V.AnalyzerAsync(Train(
        "Action<object> describe = Console.WriteLine; ((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); describe(trainLoader.BatchSampler);"));

    /// <summary>
    /// Handed to a method in view, the batch sampler is read there, not handed on: that method sets nothing (Stryker on
    /// EpochFlow: a mutant that read a method in view as code not in view survived).
    /// </summary>
    [Fact]
    public Task TheBatchSamplerHandedToAMethodInViewThatSetsNothing() => V.AnalyzerAsync(Train(
        "if (trainLoader.Sampler is IEpochAware s) {|#0:s.SetEpoch(epoch)|}; Log(trainLoader.BatchSampler);")
        .Replace("    static void Train(", "    static void Log(object o) => Console.WriteLine(o);\n    static void Train("), Expected());

    [Fact]
    public Task ReadingTheBatchSamplersCountIsNotHandlingIt() => V.AnalyzerAsync(Train(
        "Console.WriteLine(trainLoader.BatchSampler.Count); {|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(epoch)|};"), Expected());

    /// <summary>
    /// Found by held-out round Assistants: .NET's printing and checks set no epoch of the batch sampler handed to them, as
    /// of the loader itself (the pages said so of the loader and the opposite of its batch sampler).
    /// </summary>
    [Theory]
    [InlineData("Console.WriteLine(trainLoader.BatchSampler);")]
    [InlineData("System.Diagnostics.Trace.WriteLine(trainLoader.BatchSampler);")]
    [InlineData("ArgumentNullException.ThrowIfNull(trainLoader.BatchSampler);")]
    // Red team 26: a params array of a print, a TextWriter, LINQ over it, and a null test.
    [InlineData("System.Diagnostics.Trace.TraceInformation(\"epoch {0}: {1}\", epoch, trainLoader.BatchSampler);")]
    [InlineData("Console.Error.WriteLine(trainLoader.BatchSampler);")]
    [InlineData("var rows = trainLoader.BatchSampler!.Sum(b => (long)b.Length);")]
    [InlineData("var head = trainLoader.BatchSampler!.First();")]
    [InlineData("if (trainLoader.BatchSampler is null) throw new InvalidOperationException();")]
    [InlineData("System.Diagnostics.Debug.Assert(trainLoader.BatchSampler is not null);")]
    public Task PrintingOrCheckingTheBatchSamplerIsNotHandlingIt(string statement) => V.AnalyzerAsync(Train(
        $"{statement} {{|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(epoch)|}};"), Expected());

    /// <summary>Red team 26: a loader of yours handed its batch sampler typed as the <c>IBatchSampler</c> interface, to a parameter of another name.</summary>
    [Fact]
    public Task ALoaderOfYoursHandedAnIBatchSamplerUnderAnotherName() => V.AnalyzerAsync("""
        using System.Collections;
        class PortedLoader(InMemoryDataset data, IBatchSampler order) : IEnumerable<Dictionary<string, Tensor>>
        {
            public IBatchSampler BatchSampler { get; } = order;
            public ISampler Sampler { get; } = new SequentialSampler(data.Count);
            public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() { foreach (var b in BatchSampler) yield return data.GetBatch(b); }
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                IBatchSampler order = new BatchSampler(new RandomSampler(data.Count), 32);
                var loader = new PortedLoader(data, order);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {|#0:((IEpochAware)loader.Sampler).SetEpoch(epoch)|};
                    foreach (var b in loader) { }
                }
            }
        }
        """, V.Diagnostic().WithLocation(0).WithArguments("loader", "Sampler"));

    /// <summary>
    /// Asked by held-out round Mining: a loader built afresh on every pass over a batch sampler seeded from the epoch changes
    /// its order anyway, so its sampler-only setter replays nothing (as CMP002 reads such a loader); a fixed seed still does.
    /// </summary>
    [Theory]
    [InlineData("seed: 7 + epoch", false)]
    [InlineData("seed: 7", true)]
    public Task ALoaderRebuiltEachPassOverABatchSamplerSeededByTheEpoch(string seed, bool flagged) => V.AnalyzerAsync($$"""
        class Program
        {
            static void Train(InMemoryDataset data, long[] labels, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    var loader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 4, 8, {{seed}}));
                    {{(flagged ? "{|#0:((IEpochAware)loader.Sampler).SetEpoch(epoch)|}" : "((IEpochAware)loader.Sampler).SetEpoch(epoch)")}};
                    foreach (var b in loader) { }
                }
            }
        }
        """, flagged ? [V.Diagnostic().WithLocation(0).WithArguments("loader", "Sampler")] : []);

    // Found by a red team: property patterns name the sampler as `is T s` does.

    [Fact]
    public Task SamplerThroughAPropertyPattern() => V.AnalyzerAsync(Train(
        "if (trainLoader.Sampler is DistributedSampler { Shuffle: true } ds) {|#0:ds.SetEpoch(epoch)|};"), Expected());

    [Fact]
    public Task SamplerThroughAnEmptyPropertyPatternInASwitch() => V.AnalyzerAsync(Train(
        "switch (trainLoader.Sampler) { case IEpochAware { } s: {|#0:s.SetEpoch(epoch)|}; break; }"), Expected());

    [Fact]
    public Task SamplerDeclaredInsideAPropertyPatternOfTheLoader() => V.AnalyzerAsync(Train(
        "if (trainLoader is { Sampler: IEpochAware s }) {|#0:s.SetEpoch(epoch)|};"), Expected());

    [Fact]
    public Task SamplerDeclaredInAPropertyPatternOfASwitchCase() => V.AnalyzerAsync(Train(
        "switch (trainLoader) { case { Sampler: IEpochAware s }: {|#0:s.SetEpoch(epoch)|}; break; }"), Expected());

    [Fact]
    public Task BothPartsThroughPropertyPatterns() => V.AnalyzerAsync(Train(
        "if (trainLoader is { Sampler: IEpochAware s, BatchSampler: IEpochAware b }) { s.SetEpoch(epoch); b.SetEpoch(epoch); }"));

    [Fact]
    public Task FieldsAssignedByATupleInTheConstructorAreInView() => V.AnalyzerAsync("""
        class Trainer
        {
            private readonly EpochDataLoader _train, _eval;
            public Trainer(InMemoryDataset data) => (_train, _eval) = (new EpochDataLoader(data, sampler: new RandomSampler(data.Count)), new EpochDataLoader(data, batchSize: 8));
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (_train.Sampler is IEpochAware s) s.SetEpoch(epoch);
                    foreach (var batch in _train) { }
                }
            }
        }
        """);

    [Fact]
    public Task ALoaderListsElementIsNoVariable() => V.AnalyzerAsync(Train(
        "((DistributedSampler)loaders[0].Sampler).SetEpoch(epoch);",
        "var trainLoader = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(data.Count, 2, 0), 32)); var loaders = new List<EpochDataLoader> { trainLoader };"));

    [Fact]
    public Task ALocalGivenTheSameSamplerOnlyLoaderTwice() => V.AnalyzerAsync(Train(
        "var current = easy; if (epoch > 2) current = hard; if (epoch > 4) current = easy; if (current.Sampler is IEpochAware s) s.SetEpoch(epoch); foreach (var b in current) { }",
        "var trainLoader = new EpochDataLoader(data, sampler: new DistributedSampler(data.Count, 2, 0)); var easy = trainLoader; var hard = new EpochDataLoader(data, sampler: new RandomSampler(data.Count));"));

    [Fact]
    public Task SamplerThroughConditionalAccessOnTheLoader() => V.AnalyzerAsync(Train(
        "(trainLoader?.Sampler as IEpochAware)?{|#0:.SetEpoch(epoch)|};"), Expected());

    [Fact]
    public Task TheBatchSamplersSetterAsADelegateHandlesIt() => V.AnalyzerAsync(Train(
        "((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); resetBatches(epoch);",
        "var trainLoader = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(data.Count, 2, 0), 32)); Action<int> resetBatches = ((IEpochAware)trainLoader.BatchSampler).SetEpoch;"));

    [Fact]
    public Task TheOtherDomainsWholeLoaderSetDoesNotHandleThisOnesBatchSampler() => V.AnalyzerAsync("""
        class Domain(InMemoryDataset data)
        {
            public EpochDataLoader Train { get; } = new(data, batchSampler: new BatchSampler(new DistributedSampler(data.Count, 2, 0), 32));
        }
        class Program
        {
            static void Fit(Domain src, Domain tgt, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    Epochs.SetEpoch(src.Train, epoch);
                    {|#0:((IEpochAware)tgt.Train.Sampler).SetEpoch(epoch)|};
                    foreach (var (s, t) in src.Train.Zip(tgt.Train)) { }
                }
            }
        }
        """, Expected("tgt.Train"));

    /// <summary>
    /// An auto-property's initializer is in view (its accessors have no code): built without a batch sampler, the loader
    /// cannot draw from one; the same property with a getter of its own is not in view (dotnet-stryker, TreeModel).
    /// </summary>
    [Fact]
    public Task AnAutoPropertysLoaderIsInViewAndOneWithAGetterBodyIsNot() => V.AnalyzerAsync("""
        class Data(InMemoryDataset data)
        {
            public EpochDataLoader Plain { get; } = new(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0));
            private readonly EpochDataLoader _coded = new(data, batchSize: 32, sampler: new DistributedSampler(data.Count, 2, 0));
            public EpochDataLoader Coded { get { return _coded; } }
        }
        class Program
        {
            static void Fit(Data d, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (d.Plain.Sampler is IEpochAware p) p.SetEpoch(epoch);
                    if (d.Coded.Sampler is IEpochAware c) {|#0:c.SetEpoch(epoch)|};
                    foreach (var (a, b) in d.Plain.Zip(d.Coded)) { }
                }
            }
        }
        """, Expected("d.Coded"));

    [Fact]
    public Task TheSamplersSetterHandedOnAsADelegate() => V.AnalyzerAsync("""
        class Hooks
        {
            public event Action<int>? EpochStarted;
            public List<Action<int>> BeforeEpoch { get; } = new();
            public void Fire(int epoch) => EpochStarted?.Invoke(epoch);
        }
        class Program
        {
            static void Fit(EpochDataLoader loader, Hooks hooks, int epochs)
            {
                hooks.EpochStarted += {|#0:((DistributedSampler)loader.Sampler).SetEpoch|};
                var shard = (IEpochAware)loader.Sampler;
                hooks.BeforeEpoch.Add({|#1:shard.SetEpoch|});
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    hooks.Fire(epoch);
                    foreach (var batch in loader) { }
                }
            }
        }
        """, Expected("loader"), V.Diagnostic().WithLocation(1).WithArguments("loader", "Sampler"));

    [Fact]
    public Task TheSamplersSetterAsADelegateBesideTheWholeLoadersIsFine() => V.AnalyzerAsync("""
        class Hooks { public event Action<int>? EpochStarted; }
        class Program
        {
            static void Fit(EpochDataLoader loader, EpochDataLoader plain, Hooks hooks)
            {
                hooks.EpochStarted += ((DistributedSampler)loader.Sampler).SetEpoch;
                hooks.EpochStarted += loader.SetEpoch;
                hooks.EpochStarted += ((DistributedSampler)plain.Sampler).SetEpoch;
                hooks.EpochStarted -= ((DistributedSampler)plain.Sampler).SetEpoch;
                hooks.EpochStarted += ((IEpochAware)plain.BatchSampler).SetEpoch;
            }
        }
        """);

    /// <summary>A lambda's parameter is a parameter: how the loader it receives was built is not in view.</summary>
    [Fact]
    public Task TheSamplerOfALambdasLoaderParameter() => V.AnalyzerAsync("""
        class Hooks { public event Action<EpochDataLoader, int>? EpochStarting; }
        class Program
        {
            static void Wire(Hooks hooks)
            {
                hooks.EpochStarting += (l, e) => {|#0:((DistributedSampler)l.Sampler).SetEpoch(e)|};
                hooks.EpochStarting += (l, e) => l.SetEpoch(e);
            }
        }
        """, Expected("l"));

    [Fact]
    public Task TheSamplerInANestedPropertyPattern() => V.AnalyzerAsync("""
        record Run(EpochDataLoader Loader, int Seed);
        class Program
        {
            static void Fit(Run run, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (run is { Loader: { Sampler: IEpochAware s } }) {|#0:s.SetEpoch(epoch)|};
                    if (run is { Loader.Sampler: IEpochAware t }) {|#1:t.SetEpoch(epoch)|};
                    foreach (var batch in run.Loader) { }
                }
            }
        }
        """, Expected("run.Loader"), V.Diagnostic().WithLocation(1).WithArguments("run.Loader", "Sampler"));

    [Fact]
    public Task ALocalFunctionIsJudgedInEveryEpochLoopThatCallsIt() => V.AnalyzerAsync("""
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(data.Count, 2, 0), 32));
                void Reshuffle(int e) => {|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(e)|};
                for (int epoch = 0; epoch < epochs; epoch++) { Reshuffle(epoch); Epochs.SetEpoch(trainLoader, epoch); foreach (var batch in trainLoader) { } }
                for (int tune = 0; tune < 2; tune++) { Reshuffle(tune); foreach (var batch in trainLoader) { } }
            }
        }
        """, Expected());

    /// <summary>Found by red team 23: a stored lambda that hands the batch sampler it receives to a method not in view handles it, as that call written in the loop does.</summary>
    [Fact]
    public Task ABatchSamplerHandedToAStoredLambdaThatPassesItOn() =>
        V.AnalyzerAsync(Train("IHooks hooks = null!; Action<IBatchSampler, int> announce = (b, e) => { Console.WriteLine(b.Count); hooks.OnEpochStart(b, e); }; ((IEpochAware)trainLoader.Sampler).SetEpoch(epoch); announce(trainLoader.BatchSampler!, epoch);") + """

            interface IHooks { void OnEpochStart(object component, int epoch); }
            """);
    /// <summary>
    /// A constructor's labels handed to the batch sampler it builds are that sampler's part, not a loader handed on: the
    /// sampler-only setter is still the finding (a parameter typed as a sequence of objects, which a method would hand on).
    /// </summary>
    [Theory]
    [InlineData("IReadOnlyList<long>", "labels")]
    [InlineData("IEnumerable<object>", "labels.Select(Convert.ToInt64).ToList()")]
    public Task LabelsOfAConstructorHandedToTheBatchSamplerItBuilds(string type, string labels) => V.AnalyzerAsync($$"""
        class DataModule(InMemoryDataset data, {{type}} labels)
        {
            private EpochDataLoader? _train;
            public void Fit(int epochs)
            {
                _train = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler({{labels}}, 2, 4, seed: 3));
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (_train.Sampler is IEpochAware reshuffle) {|#0:reshuffle.SetEpoch(epoch)|};
                    foreach (var batch in _train) { }
                }
            }
        }
        """, Expected("_train"));
    /// <summary>
    /// Held-out round Domains asked: <c>Epochs.SetEpoch(loader.Sampler, epoch)</c> sets the sampler itself (it has no parts of
    /// its own), which is the Composer bug when the loader draws from a batch sampler.
    /// </summary>
    [Fact]
    public Task TheRuntimeHelperGivenTheSampler() => V.AnalyzerAsync(Train("{|#0:Epochs.SetEpoch(trainLoader.Sampler, epoch)|};"), Expected());
}
