using Composer.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Composer.Analyzers.Tests.Rules;

public class CMP003FixedSeedShuffleTests
{
    private static readonly RuleVerifier V = new(Descriptors.CMP003FixedSeedShuffle);

    private static string Program(string statement) => $$"""
        class Program
        {
            static torch.utils.data.Dataset Data = null!;
            static TorchSharp.Modules.DataLoader? Field;
            static int BaseSeed = 17;
            static void Main() { {{statement}} }
        }
        """;

    [Fact]
    public Task NamedSeed() => V.AnalyzerAsync(Program("var train = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 42)|};"),
        V.Diagnostic().WithLocation(0).WithArguments("train", 42));

    /// <summary>A loader rebuilt every epoch with a seed from the process's rank has one order every epoch (held-out round Ranks asked).</summary>
    [Fact]
    public Task RebuiltEveryEpochWithARankSeed() => V.AnalyzerAsync(Program(
        "for (int epoch = 0; epoch < 3; epoch++) { var train = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 42 + Composer.Distributed.Dist.Rank)|}; foreach (var b in train) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("train", "42 + Composer.Distributed.Dist.Rank"));

    [Fact]
    public Task PositionalSeed() => V.AnalyzerAsync(Program("var train = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, true, null, 7)|};"),
        V.Diagnostic().WithLocation(0).WithArguments("train", 7));

    [Fact]
    public Task AssignedToAField() => V.AnalyzerAsync(Program("Field = {|#0:new TorchSharp.Modules.DataLoader(Data, 64, shuffle: true, seed: 0)|};"),
        V.Diagnostic().WithLocation(0).WithArguments("Field", 0));

    [Fact]
    public Task ConstantSeed() => V.AnalyzerAsync(Program("const int Seed = 3; var train = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: Seed)|};"),
        V.Diagnostic().WithLocation(0).WithArguments("train", "Seed"));

    [Fact]
    public Task SeedFromOptions() => V.AnalyzerAsync(Program("var options = (Seed: 5, Batch: 32); var train = {|#0:new TorchSharp.Modules.DataLoader(Data, options.Batch, shuffle: true, seed: options.Seed)|};"),
        V.Diagnostic().WithLocation(0).WithArguments("train", "options.Seed"));

    [Fact]
    public Task SeedFromTheRank() => V.AnalyzerAsync(Program("int rank = Environment.ProcessId % 2; var train = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 42 + rank)|};"),
        V.Diagnostic().WithLocation(0).WithArguments("train", "42 + rank"));

    [Fact]
    public Task TheFactoryMethod() => V.AnalyzerAsync(Program("var train = {|#0:torch.utils.data.DataLoader(Data, 32, shuffle: true, seed: 9)|};"),
        V.Diagnostic().WithLocation(0).WithArguments("train", "9"));

    [Fact]
    public Task ShuffleThatIsNotAConstant() => V.AnalyzerAsync(Program("bool train = Data is not null; var loader = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: train, seed: 1)|};"),
        V.Diagnostic().WithLocation(0).WithArguments("loader", "1"));

    /// <summary>
    /// A loader rebuilt per stage with the stage's seed, then iterated by an epoch loop inside the stage: its epochs repeat
    /// one order, whatever the seed does across the stage loop (held-out round Phases named the gap).
    /// </summary>
    [Fact]
    public Task ASeedPerStageIteratedForSeveralEpochsOfTheStage() => V.AnalyzerAsync(Program(
        "for (int stage = 0; stage < 3; stage++) { var train = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 500 + stage)|}; for (int epoch = 0; epoch < 4; epoch++) { foreach (var b in train) { } } }"),
        V.Diagnostic().WithLocation(0).WithArguments("train", "500 + stage"));

    /// <summary>Rebuilt in the epoch loop that iterates it, with a seed that changes across it: each epoch has its own order.</summary>
    [Theory]
    [InlineData("for (int round = 0; round < 3; round++) { var train = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 500 + round); foreach (var b in train) { } }")]
    [InlineData("for (int stage = 0; stage < 3; stage++) for (int epoch = 0; epoch < 4; epoch++) { var train = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 100 * stage + epoch); foreach (var b in train) { } }")]
    public Task ASeedThatChangesAcrossTheEpochLoopThatIteratesIt(string loops) => V.AnalyzerAsync(Program(loops));

    [Fact]
    public Task FixedSeedInsideALoopThatDoesNotChangeIt() => V.AnalyzerAsync(Program("for (int e = 0; e < 3; e++) { var train = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 4)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("train", "4"));

    [Fact]
    public Task SeedFromAFieldInsideALoopThatDoesNotWriteIt() => V.AnalyzerAsync(Program(
        "for (int e = 0; e < 3; e++) { var train = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: BaseSeed)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("train", "BaseSeed"));

    [Fact]
    public Task SeedFromAFieldTheLoopAdvances() => V.AnalyzerAsync(Program(
        "for (int e = 0; e < 3; e++) { BaseSeed++; var train = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: BaseSeed); }"));

    [Fact]
    public Task NoSeed() => V.AnalyzerAsync(Program("var train = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true);"));

    [Fact]
    public Task NoShuffle() => V.AnalyzerAsync(Program("var eval = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: false, seed: 1);"));

    [Fact]
    public Task SeedThatChanges() => V.AnalyzerAsync(Program("for (int e = 0; e < 3; e++) { var train = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: e); }"));

    [Fact]
    public Task EpochAwareShuffler() => V.AnalyzerAsync(Program("var train = new TorchSharp.Modules.DataLoader(Data, 32, new RandomSampler(100, seed: 1));"));

    /// <summary>
    /// Compiling TorchSharp itself: its factory <c>torch.utils.data.DataLoader(…)</c> hands the caller's shuffle and seed on
    /// to the constructor, and is checked where it is called, so its body is not flagged; a helper of the same shape
    /// elsewhere in the library is. The types are the shape of TorchSharp's own declarations, in a project named TorchSharp.
    /// </summary>
    [Fact]
    public Task TorchSharpsOwnFactoryIsNotFlaggedButAHelperIs()
    {
        const string library = """
            namespace TorchSharp.Modules
            {
                public class DataLoader<T, S>
                {
                    public DataLoader(object dataset, int batchSize, bool shuffle = false, object? device = null, int? seed = null) { }
                }

                public class DataLoader : DataLoader<int, int>
                {
                    public DataLoader(object dataset, int batchSize, bool shuffle = false, object? device = null, int? seed = null)
                        : base(dataset, batchSize, shuffle, device, seed) { }
                }
            }

            namespace TorchSharp
            {
                public static partial class torch
                {
                    public static partial class utils
                    {
                        public static partial class data
                        {
                            public static Modules.DataLoader DataLoader(object dataset, int batchSize, bool shuffle = false, object? device = null, int? seed = null) =>
                                new Modules.DataLoader(dataset, batchSize, shuffle, device, seed);
                        }
                    }
                }

                public static class Helpers
                {
                    public static Modules.DataLoader Shuffled(object dataset, int seed) => {|#0:new Modules.DataLoader(dataset, 64, true, null, seed)|};
                }
            }
            """;
        var test = new CSharpAnalyzerTest<EpochAnalyzer, DefaultVerifier> { TestCode = library, ReferenceAssemblies = TestReferences.Net80 };
        test.SolutionTransforms.Add((solution, project) => solution.WithProjectAssemblyName(project, "TorchSharp"));
        test.DisabledDiagnostics.AddRange(Verify.OtherRules(Descriptors.CMP003FixedSeedShuffle));
        test.ExpectedDiagnostics.Add(V.Diagnostic().WithLocation(0).WithArguments("DataLoader", "seed").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync();
    }

    private static string WithHelper(string helper, string statement = "") => $$"""
        class Program
        {
            static torch.utils.data.Dataset Data = null!;
            static int BaseSeed = 17;
            {{helper}}
            static void Main() { {{statement}} }
        }
        """;

    /// <summary>A per-epoch factory: its callers, maybe in other files, give the epoch, so the seed changes from call to call.</summary>
    [Theory]
    [InlineData("epoch")]
    [InlineData("currentEpoch")]
    [InlineData("epoch_idx")]
    [InlineData("nEpoch")] // Hungarian names of older code bases (held-out round Legacy)
    [InlineData("iEpoch")]
    [InlineData("epochNo")]
    [InlineData("curEpoch")]
    [InlineData("epochIndex")]
    [InlineData("epochNumber")]
    [InlineData("epochNum")]
    public Task ASeedFromTheEpochParameterOfAFactory(string name) => V.AnalyzerAsync(WithHelper(
        $"public static TorchSharp.Modules.DataLoader ForEpoch(int {name}) => new(Data, 32, shuffle: true, seed: BaseSeed + {name});"));

    /// <summary>The same through a local given one value from the epoch, and in an explicit interface implementation.</summary>
    [Fact]
    public Task ASeedFromTheEpochParameterThroughALocalOrInAnExplicitImplementation() => V.AnalyzerAsync("""
        interface IDataModule { TorchSharp.Modules.DataLoader TrainLoader(int epoch); }
        class Module : IDataModule
        {
            static torch.utils.data.Dataset Data = null!;
            const int BaseSeed = 17;
            TorchSharp.Modules.DataLoader IDataModule.TrainLoader(int epoch) => new(Data, 32, shuffle: true, seed: BaseSeed + epoch);
            public static TorchSharp.Modules.DataLoader ForEpoch(int epoch)
            {
                int seed = BaseSeed * 1000 + epoch;
                return new(Data, 32, shuffle: true, seed: seed);
            }
        }
        """);

    /// <summary>Not an epoch: a count of epochs, a start epoch, a seed handed in, are fixed for the loader's life.</summary>
    [Theory]
    [InlineData("epochs")]
    [InlineData("startEpoch")]
    [InlineData("seed")]
    [InlineData("nEpochs")] // a Hungarian count is still a count
    [InlineData("iStartEpoch")]
    [InlineData("maxEpoch")]
    [InlineData("i")] // one letter: a fold's index, a seed (not read as a Hungarian prefix)
    [InlineData("s")]
    public Task ASeedFromAnotherParameterOfAFactory(string name) => V.AnalyzerAsync(WithHelper(
        $"public static TorchSharp.Modules.DataLoader Make(int {name}) => {{|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: BaseSeed + {name})|}};"),
        V.Diagnostic().WithLocation(0).WithArguments("DataLoader", $"BaseSeed + {name}"));

    /// <summary>A local given its one value by a deconstruction (<c>var (seed, batch) = (BaseSeed + epoch, 32);</c>) is made from the epoch as a declared one is.</summary>
    [Fact]
    public Task ASeedFromTheEpochParameterThroughADeconstructedLocal() => V.AnalyzerAsync(WithHelper("""
        public static TorchSharp.Modules.DataLoader ForEpoch(int epoch)
        {
            var (seed, batch) = (BaseSeed + epoch, 32);
            return new(Data, batch, shuffle: true, seed: seed);
        }
        """));

    /// <summary>A lambda handed to code not in view (a registration) is called with seeds the model cannot see: not known to be epochs.</summary>
    [Fact]
    public Task ASeedFromTheParameterOfALambdaHandedOn() => V.AnalyzerAsync(WithHelper(
        "static void Register(Func<int, TorchSharp.Modules.DataLoader> make) { }",
        "Register(seed => {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: seed)|});"),
        V.Diagnostic().WithLocation(0).WithArguments("DataLoader", "seed"));

    /// <summary>A lambda handed on whose parameter is named for the epoch is a per-epoch factory, as a method is (Stryker on Variation found it flagged).</summary>
    [Fact]
    public Task AnEpochParameterOfALambdaHandedOn() => V.AnalyzerAsync(WithHelper(
        "static void Register(Func<int, TorchSharp.Modules.DataLoader> make) { }",
        "Register(epoch => new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 17 + epoch));"));

    /// <summary>Inside a loop of the factory the epoch is fixed across that loop: every pass builds a loader with the same seed.</summary>
    [Fact]
    public Task ASeedFromTheEpochParameterInsideALoopThatDoesNotChangeIt() => V.AnalyzerAsync(WithHelper("""
        public static void Warm(int epoch)
        {
            for (int step = 0; step < 3; step++) { var loader = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: epoch)|}; }
        }
        """), V.Diagnostic().WithLocation(0).WithArguments("loader", "epoch"));

    /// <summary>A local function's epoch is judged at its calls: here the loop gives it the constant 0.</summary>
    [Fact]
    public Task ASeedFromALocalFunctionsEpochParameterGivenAConstant() => V.AnalyzerAsync(WithHelper("", """
        TorchSharp.Modules.DataLoader ForEpoch(int epoch) => {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: BaseSeed + epoch)|};
        for (int e = 0; e < 3; e++) { var loader = ForEpoch(0); }
        """), V.Diagnostic().WithLocation(0).WithArguments("DataLoader", "BaseSeed + epoch"));

    [Fact]
    public Task ADefaultNullableSeedIsNoSeed() => V.AnalyzerAsync(Program("var train = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: default);"));

    [Fact]
    public Task ALazyFieldIsNamedInTheMessage() => V.AnalyzerAsync(Program("Field ??= {|#0:new TorchSharp.Modules.DataLoader(Data, 64, shuffle: true, seed: 5)|};"),
        V.Diagnostic().WithLocation(0).WithArguments("Field", 5));

    /// <summary>Found by red team 22: a per-epoch factory that builds through a local function is judged at that function's calls, which pass the epoch.</summary>
    [Fact]
    public Task APerEpochFactoryThatBuildsThroughALocalFunction() => V.AnalyzerAsync("""
        interface IDataModule { (TorchSharp.Modules.DataLoader, TorchSharp.Modules.DataLoader) TrainLoaders(int epoch); }
        class Module(torch.utils.data.Dataset main, torch.utils.data.Dataset aux) : IDataModule
        {
            const int BaseSeed = 17;
            (TorchSharp.Modules.DataLoader, TorchSharp.Modules.DataLoader) IDataModule.TrainLoaders(int epoch)
            {
                return (Build(main, BaseSeed + epoch), Build(aux, BaseSeed + 1000 + epoch));
                TorchSharp.Modules.DataLoader Build(torch.utils.data.Dataset set, int seed) => new(set, 32, shuffle: true, seed: seed);
            }
        }
        """);

    /// <summary>The same factory with one call that passes a constant: that loader repeats its order.</summary>
    [Fact]
    public Task APerEpochFactoryWhoseLocalFunctionIsOnceGivenAConstant() => V.AnalyzerAsync("""
        class Module(torch.utils.data.Dataset main, torch.utils.data.Dataset aux)
        {
            const int BaseSeed = 17;
            public (TorchSharp.Modules.DataLoader, TorchSharp.Modules.DataLoader) TrainLoaders(int epoch)
            {
                return (Build(main, BaseSeed + epoch), Build(aux, BaseSeed));
                TorchSharp.Modules.DataLoader Build(torch.utils.data.Dataset set, int seed) => {|#0:new(set, 32, shuffle: true, seed: seed)|};
            }
        }
        """, V.Diagnostic().WithLocation(0).WithArguments("DataLoader", "seed"));

    /// <summary>
    /// Found by red team 22: a lambda written in the epoch loop and handed to <c>Parallel.For(0, members, …)</c> gets the
    /// same members on every pass, so a seed made from its parameter alone is the same every epoch.
    /// </summary>
    [Fact]
    public Task ASeedFromAParallelForLambdasParameterInsideTheEpochLoop() => V.AnalyzerAsync(WithHelper("", """
        const int members = 4;
        for (int epoch = 0; epoch < 3; epoch++)
            System.Threading.Tasks.Parallel.For(0, members, m => { var loader = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 1000 + m)|}; });
        """), V.Diagnostic().WithLocation(0).WithArguments("loader", "1000 + m"));

    /// <summary>Not when the loop changes what the lambda is called with, nor when a call on an object (which may count epochs) calls it.</summary>
    [Theory]
    [InlineData("System.Threading.Tasks.Parallel.For(epoch * 4, epoch * 4 + 4, m => { var loader = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: m); });")]
    [InlineData("Enumerable.Range(0, 4).Select(e => new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: e)).ToList();")]
    [InlineData("new List<int> { 1, 2 }.ForEach(m => { var loader = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: m); });")]
    public Task ASeedFromALambdasParameterThatMayChangeAcrossTheEpochLoop(string statement) => V.AnalyzerAsync(WithHelper("",
        $"for (int epoch = 0; epoch < 3; epoch++) {{ {statement} }}"));

    /// <summary>Found by red team 23: the count handed to <c>Parallel.For</c> may be the <c>Length</c> of an array the loop does not assign; the loop does not change it.</summary>
    [Fact]
    public Task ASeedFromAParallelForLambdasParameterOverAnArraysLength() => V.AnalyzerAsync(WithHelper("", """
        var models = new int[4];
        for (int epoch = 0; epoch < 3; epoch++)
            System.Threading.Tasks.Parallel.For(0, models.Length, m => { var loader = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 1000 + m)|}; });
        """), V.Diagnostic().WithLocation(0).WithArguments("loader", "1000 + m"));

    /// <summary>Not when the loop assigns the array whose length is counted.</summary>
    [Fact]
    public Task ASeedFromAParallelForLambdasParameterOverTheLengthOfAnArrayTheLoopAssigns() => V.AnalyzerAsync(WithHelper("", """
        var models = new int[4];
        for (int epoch = 0; epoch < 3; epoch++)
        {
            models = new int[epoch + 1];
            System.Threading.Tasks.Parallel.For(0, models.Length, m => { var loader = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 1000 + m); });
        }
        """));
    /// <summary>
    /// Named by red team 23's helper: the <c>Count</c> of a list the loop adds to (or takes from) changes from pass to pass,
    /// though the variable holding the list does not; a seed or a lambda's count made from it is not fixed.
    /// </summary>
    [Theory]
    [InlineData("history.Add(epoch); var loader = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 1000 + history.Count); foreach (var b in loader) { }")]
    [InlineData("history.AddRange(new[] { epoch, epoch }); var loader = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: history.Count * 7); foreach (var b in loader) { }")]
    [InlineData("pending.Enqueue(epoch); System.Threading.Tasks.Parallel.For(0, pending.Count, m => { var loader = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 1000 + m); });")]
    public Task ASeedFromTheCountOfACollectionTheLoopResizes(string statement) => V.AnalyzerAsync(WithHelper("", $$"""
        var history = new List<int>();
        var pending = new Queue<int>();
        for (int epoch = 0; epoch < 3; epoch++) { {{statement}} }
        """));

    /// <summary>Every other way the loop may add to or take from a collection changes its <c>Count</c> too, an extension method's included.</summary>
    [Theory]
    [InlineData("history.Insert(0, epoch)", "history")]
    [InlineData("history.InsertRange(0, new[] { epoch })", "history")]
    [InlineData("history.Remove(epoch)", "history")]
    [InlineData("history.RemoveAt(0)", "history")]
    [InlineData("history.RemoveAll(h => h < epoch)", "history")]
    [InlineData("history.RemoveRange(0, 1)", "history")]
    [InlineData("history.Clear()", "history")]
    [InlineData("pending.Dequeue()", "pending")]
    [InlineData("pending.TryDequeue(out _)", "pending")]
    [InlineData("stack.Push(epoch)", "stack")]
    [InlineData("stack.Pop()", "stack")]
    [InlineData("stack.TryPop(out _)", "stack")]
    [InlineData("seen.TryAdd(epoch, epoch)", "seen")]
    [InlineData("best.TryAdd(epoch, epoch)", "best")] // CollectionExtensions.TryAdd on an IDictionary: the receiver is the extension's first argument
    [InlineData("bag.TryTake(out _)", "bag")]
    [InlineData("table.TryRemove(epoch, out _)", "table")]
    public Task ASeedFromTheCountOfACollectionTheLoopResizesAnyWay(string resize, string collection) => V.AnalyzerAsync(WithHelper("", $$"""
        var history = new List<int> { 1, 2, 3 };
        var pending = new Queue<int>(history);
        var stack = new Stack<int>(history);
        var seen = new Dictionary<int, int>();
        IDictionary<int, int> best = new Dictionary<int, int>();
        var bag = new System.Collections.Concurrent.ConcurrentBag<int>(history);
        var table = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var loader = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 1000 + {{collection}}.Count);
            foreach (var b in loader) { }
            {{resize}};
        }
        """));

    /// <summary>A call that only reads or zeroes the collection (<c>Array.Clear(buffer)</c>, or a static <c>Console.Clear()</c> of no collection) leaves its size as it was.</summary>
    [Fact]
    public Task ASeedFromTheLengthOfAnArrayTheLoopOnlyClears() => V.AnalyzerAsync(WithHelper("", """
        var buffer = new float[64];
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Console.Clear();
            Array.Clear(buffer);
            var loader = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: buffer.Length)|};
            foreach (var b in loader) { }
        }
        """), V.Diagnostic().WithLocation(0).WithArguments("loader", "buffer.Length"));

    /// <summary>
    /// A seed kept in a field or property of the user's that the loop does not write is the same on every pass, an instance
    /// member as much as a static one; one read off what the loop picks on each pass (a sweep's run) changes with it.
    /// </summary>
    [Theory]
    [InlineData("_seed", true)]
    [InlineData("this._seed", true)]
    [InlineData("_options.Seed", true)]
    [InlineData("run.Seed", false)]
    public Task ASeedFromAMemberOfTheUsersCode(string seed, bool flagged)
    {
        var creation = $"new TorchSharp.Modules.DataLoader(data, 32, shuffle: true, seed: {seed})";
        return V.AnalyzerAsync($$"""
            class Options { public int Seed { get; init; } = 7; }
            class Sweep(torch.utils.data.Dataset data, Options options, List<Options> runs)
            {
                private int _seed = 42;
                private readonly Options _options = options;
                public void Fit()
                {
                    foreach (var run in runs)
                    {
                        var loader = {{(flagged ? "{|#0:" + creation + "|}" : creation)}};
                        foreach (var b in loader) { }
                    }
                }
            }
            """, flagged ? [V.Diagnostic().WithLocation(0).WithArguments("loader", seed)] : []);
    }

    /// <summary>
    /// Found by Stryker on Variation: a list handed to a method the loop calls may be grown there (<c>Grow(seeds)</c>, in view
    /// or not); an array handed on keeps its length, and so does a list only printed or read by LINQ.
    /// </summary>
    [Theory]
    [InlineData("Growth.Grow(history, epoch, twice: false);", false)]
    [InlineData("history.Grow(epoch);", false)]
    [InlineData("Growth.Record(history);", false)]
    [InlineData("Console.WriteLine(history); var top = history.Max();", true)]
    [InlineData("Growth.Fill(buffer);", true)]
    public Task ASeedFromTheCountOfACollectionHandedToAMethod(string statement, bool flagged)
    {
        var seed = statement.Contains("buffer") ? "buffer.Length" : "1000 + history.Count";
        var creation = $"new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: {seed})";
        return V.AnalyzerAsync(WithHelper("", $$"""
            var history = new List<int> { 1, 2 };
            var buffer = new float[8];
            for (int epoch = 0; epoch < 3; epoch++)
            {
                {{statement}}
                var loader = {{(flagged ? "{|#0:" + creation + "|}" : creation)}};
                foreach (var b in loader) { }
            }
            """) + """

            static class Growth
            {
                public static void Grow(this List<int> seeds, int epoch) => seeds.Add(1000 + epoch);
                public static void Grow(List<int> seeds, int epoch, bool twice = false) => seeds.Add(epoch);
                public static void Record(IList<int> seen) => seen.Add(0);
                public static void Fill(float[] values) => values[0] = 1;
            }
            """, flagged ? [V.Diagnostic().WithLocation(0).WithArguments("loader", seed)] : []);
    }

    /// <summary>Still a fixed seed when the loop only reads the list.</summary>
    [Fact]
    public Task ASeedFromTheCountOfACollectionTheLoopOnlyReads() => V.AnalyzerAsync(WithHelper("", """
        var history = new List<int> { 1, 2 };
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var last = history.Contains(epoch);
            var loader = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 1000 + history.Count)|};
            foreach (var b in loader) { }
        }
        """), V.Diagnostic().WithLocation(0).WithArguments("loader", "1000 + history.Count"));

    /// <summary>
    /// Red team 27: more ways a loop grows a collection whose <c>Count</c> seeds the loader: a dictionary's indexer adds a
    /// key, <c>?.</c> calls, and the resizing methods of linked lists and sets.
    /// </summary>
    [Theory]
    [InlineData("seen[epoch] = 1", "seen")]
    [InlineData("history?.Add(epoch)", "history")]
    [InlineData("chain.AddLast(epoch)", "chain")]
    [InlineData("chain.AddFirst(epoch)", "chain")]
    [InlineData("chain.RemoveFirst()", "chain")]
    [InlineData("unlocked.UnionWith(new[] { epoch })", "unlocked")]
    [InlineData("unlocked.ExceptWith(new[] { epoch })", "unlocked")]
    [InlineData("unlocked.RemoveWhere(u => u < epoch)", "unlocked")]
    [InlineData("table.GetOrAdd(epoch, epoch)", "table")]
    public Task ASeedFromTheCountOfACollectionTheLoopGrowsInOtherWays(string resize, string collection) => V.AnalyzerAsync(WithHelper("", $$"""
        List<int>? history = new List<int> { 1, 2, 3 };
        var seen = new Dictionary<int, int>();
        var chain = new LinkedList<int>(history);
        var unlocked = new HashSet<int>(history);
        var table = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var loader = new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 1000 + {{collection}}.Count);
            foreach (var b in loader) { }
            {{resize}};
        }
        """));

    /// <summary>A list's or an array's indexer only replaces an element: the size, and so the seed, stays.</summary>
    [Theory]
    [InlineData("history[0] = epoch", "history.Count")]
    [InlineData("buffer[0] = epoch", "buffer.Length")]
    public Task ASeedFromTheSizeOfACollectionWhoseElementsTheLoopReplaces(string write, string seed) => V.AnalyzerAsync(WithHelper("", $$"""
        var history = new List<int> { 1, 2, 3 };
        var buffer = new int[3];
        for (int epoch = 0; epoch < 3; epoch++)
        {
            {{write}};
            var loader = {|#0:new TorchSharp.Modules.DataLoader(Data, 32, shuffle: true, seed: 1000 + {{seed}})|};
            foreach (var b in loader) { }
        }
        """), V.Diagnostic().WithLocation(0).WithArguments("loader", "1000 + " + seed));

    /// <summary>
    /// Red team 27: a seed from a <c>??</c> over a property of the user's and a constant, or from the <c>Count</c> of a
    /// property of the user's that the loop only reads, is as fixed as its parts; one the loop grows is not. So are a
    /// <c>?.</c> read and a <c>switch</c> expression over fixed values, and not one whose value, guard or arm changes.
    /// </summary>
    [Theory]
    [InlineData("_options.Seed ?? 42", "", true)]
    [InlineData("_options.Base + _options.Augmentations.Count", "", true)]
    [InlineData("_options.Base + _options.Augmentations.Count", "_options.Augmentations.Add(\"flip\");", false)]
    [InlineData("(_options.Seed ?? 42) + epoch", "", false)]
    [InlineData("_options?.Base ?? 42", "", true)]
    [InlineData("epochs switch { 1 => 7, _ => _options.Base }", "", true)]
    [InlineData("epoch switch { 0 => 7, _ => _options.Base }", "", false)]
    [InlineData("epochs switch { 1 => 7, _ when epoch > 2 => 8, _ => 9 }", "", false)]
    public Task ASeedFromACoalesceOrTheCountOfAPropertyOfTheUsers(string seed, string statement, bool flagged)
    {
        var creation = $"new TorchSharp.Modules.DataLoader(data, 32, shuffle: true, seed: {seed})";
        return V.AnalyzerAsync($$"""
            class Options
            {
                public int? Seed { get; init; }
                public int Base { get; init; } = 7;
                public List<string> Augmentations { get; } = ["crop"];
            }
            class Curriculum(torch.utils.data.Dataset data, Options options)
            {
                private readonly Options _options = options;
                public void Fit(int epochs)
                {
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        {{statement}}
                        var loader = {{(flagged ? "{|#0:" + creation + "|}" : creation)}};
                        foreach (var b in loader) { }
                    }
                }
            }
            """, flagged ? [V.Diagnostic().WithLocation(0).WithArguments("loader", seed)] : []);
    }

    /// <summary>
    /// Red team 27: a per-epoch factory stored in a local, or written as a local function, and only handed to code not in
    /// view is judged by its parameter's name, as a lambda written in the call is; one called in view with a constant is not.
    /// </summary>
    [Theory]
    [InlineData("Func<int, TorchSharp.Modules.DataLoader> make = epoch => CREATE; fit.Run(make);", false)]
    [InlineData("TorchSharp.Modules.DataLoader Make(int epoch) => CREATE; fit.Run(Make);", false)]
    [InlineData("TorchSharp.Modules.DataLoader Make(int epoch) => CREATE; fit.Run(Make); foreach (var b in Make(0)) { }", true)]
    public Task AFactoryHandedOnIsJudgedByItsParametersName(string statements, bool flagged)
    {
        var creation = "new TorchSharp.Modules.DataLoader(data, 32, shuffle: true, seed: 17 + epoch)";
        return V.AnalyzerAsync($$"""
            interface IFit { void Run(Func<int, TorchSharp.Modules.DataLoader> factory); }
            class Program
            {
                static void Train(torch.utils.data.Dataset data, IFit fit)
                {
                    {{statements.Replace("CREATE", flagged ? "{|#0:" + creation + "|}" : creation)}}
                }
            }
            """, flagged ? [V.Diagnostic().WithLocation(0).WithArguments("DataLoader", "17 + epoch")] : []);
    }
}
