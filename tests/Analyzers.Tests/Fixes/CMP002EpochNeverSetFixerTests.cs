using Composer.Analyzers.CodeFixes.Rules;
using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Fixes;

public class CMP002EpochNeverSetFixerTests
{
    private static readonly FixVerifier<CMP002EpochNeverSetFixer> V = new(Descriptors.CMP002EpochNeverSet);

    private static string Train(string loop) => $$"""
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                {{loop}}
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] One => [V.Diagnostic().WithLocation(0).WithArguments("trainLoader")];

    // A loader of the user's own, named in loader_types, with no member named like a loader's parts: Epochs.SetEpoch
    // would reach nothing in it, so the fix calls its own setter, or offers nothing.
    private static string Feeder(string setter, string set) => $$"""
        class Feeder(InMemoryDataset data, ISampler order) : IEnumerable<Dictionary<string, Tensor>>
        {
            {{setter}}
            public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() { foreach (var i in order) yield return new() { ["data"] = data.Columns["data"][i] }; }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var feeder = new Feeder(data, new DistributedSampler(data.Count, 2, 0));
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{set}}foreach (var batch in {|#0:feeder|}) { }
                }
            }
        }
        """;

    private const string StartEpoch = "public void StartEpoch(int epoch) { if (order is IEpochAware a) a.SetEpoch(epoch); }";

    [Fact]
    public Task ALoaderTypeOfTheUsersGetsItsOwnSetterCalled() => V.FixAsync(
        Feeder(StartEpoch, ""),
        Feeder(StartEpoch, "feeder.StartEpoch(epoch);\n            ").Replace("{|#0:feeder|}", "feeder"),
        [V.Diagnostic().WithLocation(0).WithArguments("feeder")],
        editorConfig: "composer_analyzers.loader_types = Feeder\ncomposer_analyzers.epoch_setters = StartEpoch");

    [Fact]
    public Task ALoaderTypeOfTheUsersWithNeitherASetterNorPartsGetsNoFix() => V.FixAsync(
        Feeder("", ""), Feeder("", ""), [V.Diagnostic().WithLocation(0).WithArguments("feeder")],
        editorConfig: "composer_analyzers.loader_types = Feeder");

    [Fact]
    public Task InsertsBeforeTheInnerLoop() => V.FixAsync(
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        // one epoch
                        foreach (var batch in {|#0:trainLoader|}) { }
                    }
            """),
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        Epochs.SetEpoch(trainLoader, epoch);
                        // one epoch
                        foreach (var batch in trainLoader) { }
                    }
            """), One);

    /// <summary>
    /// An epoch set only on rank 0: the fix sets it on every rank before the iteration and leaves rank 0's branch as the
    /// user wrote it (setting the same epoch twice changes nothing). The formatter puts a blank line after a block, as after
    /// any <c>if</c> before the iteration.
    /// </summary>
    [Fact]
    public Task InsertsBeforeTheIterationWhenOnlySomeRanksSetTheEpoch() => V.FixAsync(
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        if (Composer.Distributed.Dist.Rank == 0)
                        {
                            Console.WriteLine($"epoch {epoch}");
                            trainLoader.SetEpoch(epoch);
                        }
                        foreach (var batch in {|#0:trainLoader|}) { }
                    }
            """),
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        if (Composer.Distributed.Dist.Rank == 0)
                        {
                            Console.WriteLine($"epoch {epoch}");
                            trainLoader.SetEpoch(epoch);
                        }

                        Epochs.SetEpoch(trainLoader, epoch);
                        foreach (var batch in trainLoader) { }
                    }
            """),
        [new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.CMP002EpochSetOnSomeRanks).WithLocation(0).WithArguments("trainLoader", "Composer.Distributed.Dist.Rank == 0")]);

    /// <summary>A loader iterated by a method in view: the setter goes before the statement that calls it.</summary>
    [Fact]
    public Task InsertsBeforeTheCallOfAHelperThatIterates() => V.FixAsync(
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        var loss = TrainOneEpoch({|#0:trainLoader|});
                    }
                }
                static double TrainOneEpoch(EpochDataLoader loader)
                {
                    double sum = 0;
                    foreach (var batch in loader) sum += 1;
                    return sum;
            """),
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        Epochs.SetEpoch(trainLoader, epoch);
                        var loss = TrainOneEpoch(trainLoader);
                    }
                }
                static double TrainOneEpoch(EpochDataLoader loader)
                {
                    double sum = 0;
                    foreach (var batch in loader) sum += 1;
                    return sum;
            """), One);

    [Fact]
    public Task WrapsAnEmbeddedLoopInABlock() => V.FixAsync(
        Train("for (int e = 0; e < epochs; e++) foreach (var batch in {|#0:trainLoader|}) { }"),
        Train("""
            for (int e = 0; e < epochs; e++)
                    {
                        Epochs.SetEpoch(trainLoader, e);
                        foreach (var batch in trainLoader) { }
                    }
            """), One);

    [Fact]
    public Task ForeachOverAnEpochRange() => V.FixAsync(
        Train("foreach (var epoch in Enumerable.Range(0, epochs)) { foreach (var batch in {|#0:trainLoader|}) { } }"),
        Train("foreach (var epoch in Enumerable.Range(0, epochs)) { Epochs.SetEpoch(trainLoader, epoch); foreach (var batch in trainLoader) { } }"), One);

    /// <summary>Found by red team 22: a foreach over an ordinary method's epochs (which peeks at the loader) is the epoch loop; its variable is the epoch.</summary>
    [Fact]
    public Task ForeachOverAnOrdinaryMethodsEpochs() => V.FixAsync(
        Train("foreach (var epoch in EpochsToRun(trainLoader, epochs)) { foreach (var batch in {|#0:trainLoader|}) { } } static IEnumerable<int> EpochsToRun(EpochDataLoader l, int n) { _ = l.First(); return Enumerable.Range(0, n); }"),
        Train("foreach (var epoch in EpochsToRun(trainLoader, epochs)) { Epochs.SetEpoch(trainLoader, epoch); foreach (var batch in trainLoader) { } } static IEnumerable<int> EpochsToRun(EpochDataLoader l, int n) { _ = l.First(); return Enumerable.Range(0, n); }"), One);

    [Fact]
    public Task InsertsBeforeAnExplicitEnumerator() => V.FixAsync(
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        using var e = {|#0:trainLoader.GetEnumerator()|};
                        while (e.MoveNext()) { }
                    }
            """),
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        Epochs.SetEpoch(trainLoader, epoch);
                        using var e = trainLoader.GetEnumerator();
                        while (e.MoveNext()) { }
                    }
            """), One);

    [Fact]
    public Task AWhileLoopUsesTheCounterItAdvances() => V.FixAsync(
        Train("int epoch = 0; while (epoch++ < epochs) { foreach (var batch in {|#0:trainLoader|}) { } }"),
        Train("int epoch = 0; while (epoch++ < epochs) { Epochs.SetEpoch(trainLoader, epoch); foreach (var batch in trainLoader) { } }"), One);

    /// <summary>Held-out round Legacy: older code advances its counter as <c>epoch = epoch + 1</c>; that is the pass's counter too.</summary>
    [Theory]
    [InlineData("epoch = epoch + 1;")]
    [InlineData("epoch = 1 + epoch;")]
    public Task ADoLoopUsesTheCounterItAssignsOneMore(string advance) => V.FixAsync(
        Train($"int epoch = 0; do {{ foreach (var batch in {{|#0:trainLoader|}}) {{ }} {advance} }} while (epoch < epochs);"),
        Train($"int epoch = 0; do {{ Epochs.SetEpoch(trainLoader, epoch); foreach (var batch in trainLoader) {{ }} {advance} }} while (epoch < epochs);"), One);

    // A loader declared inside the statement of the pass that iterates it (dotnet-stryker, CMP002's fixer).
    private static string AuxInside(string loop, string set = "") => $$"""
        class Program
        {
            static void Train(InMemoryDataset data, bool useAux, int epochs)
            {
                {{loop}}
                {
                    if (useAux)
                    {
                        var aux = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                        {{set}}foreach (var batch in {|#0:aux|}) { }
                    }
                }
            }
        }
        """;

    [Fact]
    public Task ALoaderDeclaredInsideThePassGetsTheCallBeforeItsIteration() => V.FixAsync(
        AuxInside("for (int epoch = 0; epoch < epochs; epoch++)"),
        AuxInside("for (int epoch = 0; epoch < epochs; epoch++)", "Epochs.SetEpoch(aux, epoch);\n                ").Replace("{|#0:aux|}", "aux"),
        [V.Diagnostic().WithLocation(0).WithArguments("aux")]);

    /// <summary>A new counter advanced where it is passed must be passed once per pass, at the pass's own statement: there the loader is not declared yet.</summary>
    [Fact]
    public Task ALoaderDeclaredInsideAPassThatNeedsANewCounterGetsNoFix() => V.FixAsync(
        AuxInside("foreach (var rate in new[] { 0.1, 0.01 })"), AuxInside("foreach (var rate in new[] { 0.1, 0.01 })"),
        [V.Diagnostic().WithLocation(0).WithArguments("aux")]);

    [Fact]
    public Task ALoopWithoutACounterGetsOne() => V.FixAsync("""
        class Program
        {
            static void Train(InMemoryDataset data)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                bool converged = false;
                while (!converged)
                {
                    foreach (var batch in {|#0:trainLoader|}) { }
                    converged = data.Count > 0;
                }
            }
        }
        """, """
        class Program
        {
            static void Train(InMemoryDataset data)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                bool converged = false;
                for (var epoch = 0; !converged; epoch++)
                {
                    Epochs.SetEpoch(trainLoader, epoch);
                    foreach (var batch in trainLoader) { }
                    converged = data.Count > 0;
                }
            }
        }
        """, One);

    [Fact]
    public Task ALambdaHandedToAHelperGetsTheCallBeforeTheHelper() => V.FixAsync("""
        class Program
        {
            static void WithRetry(Action attempt) { try { attempt(); } catch (InvalidOperationException) { attempt(); } }

            static void Train(InMemoryDataset data)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                bool converged = false;
                while (!converged)
                {
                    WithRetry(() =>
                    {
                        foreach (var batch in {|#0:trainLoader|}) { }
                    });
                    converged = data.Count > 0;
                }
            }
        }
        """, """
        class Program
        {
            static void WithRetry(Action attempt) { try { attempt(); } catch (InvalidOperationException) { attempt(); } }

            static void Train(InMemoryDataset data)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                bool converged = false;
                for (var epoch = 0; !converged; epoch++)
                {
                    Epochs.SetEpoch(trainLoader, epoch);
                    WithRetry(() =>
                    {
                        foreach (var batch in trainLoader) { }
                    });
                    converged = data.Count > 0;
                }
            }
        }
        """, One);

    [Fact]
    public Task ALocalNamedEpochsKeepsTheTypeQualified() => V.FixAsync("""
        class Program
        {
            static void Train(InMemoryDataset data)
            {
                const int Epochs = 3;
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < Epochs; epoch++) { foreach (var batch in {|#0:trainLoader|}) { } }
            }
        }
        """, """
        class Program
        {
            static void Train(InMemoryDataset data)
            {
                const int Epochs = 3;
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                for (int epoch = 0; epoch < Epochs; epoch++) { Composer.Data.Epochs.SetEpoch(trainLoader, epoch); foreach (var batch in trainLoader) { } }
            }
        }
        """, One);

    [Fact]
    public Task ALongEpochIsPassedAsAnInt() => V.FixAsync(
        Train("for (long epoch = 0; epoch < epochs; epoch++) { foreach (var b in {|#0:trainLoader|}) { } }"),
        Train("for (long epoch = 0; epoch < epochs; epoch++) { Epochs.SetEpoch(trainLoader, (int)epoch); foreach (var b in trainLoader) { } }"), One);

    [Fact]
    public Task ANewCounterAvoidsANameAnEarlierLoopDeclared() => V.FixAsync(
        Train("for (int epoch = 0; epoch < 2; epoch++) { } bool done = false; do { foreach (var b in {|#0:trainLoader|}) { } done = true; } while (!done);"),
        Train("""
            for (int epoch = 0; epoch < 2; epoch++) { } bool done = false;
                    var epoch1 = 0;
                    do { Epochs.SetEpoch(trainLoader, epoch1++); foreach (var b in trainLoader) { } done = true; } while (!done);
            """), One);

    /// <summary>Found by red team 23: a patience counter the pass also resets (<c>patience = 0</c>) counts epochs without improvement, not epochs: the fix brings a counter of its own.</summary>
    [Fact]
    public Task AnIntegerThePassAlsoResetsIsNoEpochCounter() => V.FixAsync(
        Train("int patience = 0; do { foreach (var b in {|#0:trainLoader|}) { } if (data.Count > 10) patience = 0; else patience++; } while (patience < 3);"),
        Train("""
            int patience = 0;
                    var epoch = 0;
                    do { Epochs.SetEpoch(trainLoader, epoch++); foreach (var b in trainLoader) { } if (data.Count > 10) patience = 0; else patience++; } while (patience < 3);
            """), One);

    [Fact]
    public Task ADoubleTheLoopAddsToIsNoEpochCounter() => V.FixAsync(
        Train("bool done = false; double seen = 0; while (!done) { seen += 0.5; foreach (var b in {|#0:trainLoader|}) { } done = seen > 2; }"),
        Train("bool done = false; double seen = 0; for (var epoch = 0; !done; epoch++) { seen += 0.5; Epochs.SetEpoch(trainLoader, epoch); foreach (var b in trainLoader) { } done = seen > 2; }"), One);

    /// <summary>An integer a lambda in the pass advances counts the lambda's calls, not the passes (Stryker on Operations.EnclosingLoops).</summary>
    [Fact]
    public Task AnIntegerALambdaAdvancesIsNoEpochCounter() => V.FixAsync(
        Train("bool done = false; int ticks = 0; while (!done) { Action tick = () => ticks++; foreach (var b in {|#0:trainLoader|}) tick(); done = true; }"),
        Train("bool done = false; int ticks = 0; for (var epoch = 0; !done; epoch++) { Action tick = () => ticks++; Epochs.SetEpoch(trainLoader, epoch); foreach (var b in trainLoader) tick(); done = true; }"), One);

    [Fact]
    public Task AWhileLoopsNewCounterIsItsOwn() => V.FixAsync(
        Train("for (int epoch = 0; epoch < 2; epoch++) { } bool done = false; while (!done) { foreach (var b in {|#0:trainLoader|}) { } done = true; }"),
        Train("for (int epoch = 0; epoch < 2; epoch++) { } bool done = false; for (var epoch = 0; !done; epoch++) { Epochs.SetEpoch(trainLoader, epoch); foreach (var b in trainLoader) { } done = true; }"), One);

    [Fact]
    public Task AWhileLoopsNewCounterAvoidsANameDeclaredLaterInTheBlock() => V.FixAsync(
        Train("bool done = false; while (!done) { foreach (var b in {|#0:trainLoader|}) { } done = true; } var epoch = 3;"),
        Train("bool done = false; for (var epoch1 = 0; !done; epoch1++) { Epochs.SetEpoch(trainLoader, epoch1); foreach (var b in trainLoader) { } done = true; } var epoch = 3;"), One);

    [Fact]
    public Task FixAllGivesTwoLoadersOfAPassOneCounter() => V.FixAsync("""
        class Program
        {
            static void Train(InMemoryDataset data)
            {
                var labeled = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                var unlabeled = new EpochDataLoader(data, batchSize: 64, shuffle: true);
                bool converged = false;
                while (!converged)
                {
                    foreach (var batch in {|#0:labeled|}) { }
                    if (data.Count > 100) continue;
                    foreach (var batch in {|#1:unlabeled|}) { }
                    converged = data.Count > 0;
                }
            }
        }
        """, """
        class Program
        {
            static void Train(InMemoryDataset data)
            {
                var labeled = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                var unlabeled = new EpochDataLoader(data, batchSize: 64, shuffle: true);
                bool converged = false;
                for (var epoch = 0; !converged; epoch++)
                {
                    Epochs.SetEpoch(labeled, epoch);
                    foreach (var batch in labeled) { }
                    if (data.Count > 100) continue;
                    Epochs.SetEpoch(unlabeled, epoch);
                    foreach (var batch in unlabeled) { }
                    converged = data.Count > 0;
                }
            }
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("labeled"), V.Diagnostic().WithLocation(1).WithArguments("unlabeled")]);

    // Found by red team 17: the call went above the #endif of a branch before the loop, into the #else, and the other
    // build still replayed epoch 0's order. It goes below the directive, where the finding is.

    [Fact]
    public Task TheCallGoesBelowAnEndifAboveTheLoop() => V.FixAsync(Train("""
        for (int epoch = 0; epoch < epochs; epoch++)
                {
        #if DEBUG
                    Console.WriteLine("debug");
        #else
                    Console.WriteLine("release");
        #endif
                    foreach (var batch in {|#0:trainLoader|}) { }
                }
        """), Train("""
        for (int epoch = 0; epoch < epochs; epoch++)
                {
        #if DEBUG
                    Console.WriteLine("debug");
        #else
                    Console.WriteLine("release");
        #endif
                    Epochs.SetEpoch(trainLoader, epoch);
                    foreach (var batch in trainLoader) { }
                }
        """), One);

    /// <summary>Two calls before one anchor below an #endif (Fix All): the directive moves once, both calls go below it.</summary>
    [Fact]
    public Task FixAllPutsTwoCallsBelowOneEndif() => V.FixAsync("""
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var real = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                var fake = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
        #if DEBUG
                    Console.WriteLine(epoch);
        #endif
                    foreach (var (a, b) in {|#0:real.Zip({|#1:fake|})|}) { }
                }
            }
        }
        """, """
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var real = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                var fake = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
        #if DEBUG
                    Console.WriteLine(epoch);
        #endif
                    Epochs.SetEpoch(real, epoch);
                    Epochs.SetEpoch(fake, epoch);
                    foreach (var (a, b) in real.Zip(fake)) { }
                }
            }
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("real"), V.Diagnostic().WithLocation(1).WithArguments("fake")]);

    private const string ConditionalElsewhere = "\nclass Log\n{\n#if DEBUG\n    static bool On => true;\n#endif\n}\n";

    [Fact]
    public Task ConditionalCompilationInAnotherMemberLeavesTheFix() => V.FixAsync(
        Train("for (int epoch = 0; epoch < epochs; epoch++) { foreach (var batch in {|#0:trainLoader|}) { } }") + ConditionalElsewhere,
        Train("for (int epoch = 0; epoch < epochs; epoch++) { Epochs.SetEpoch(trainLoader, epoch); foreach (var batch in trainLoader) { } }") + ConditionalElsewhere,
        One);

    /// <summary>Found by red team 17: a file of "\r\n" lines keeps them in what the fix writes, whatever the platform's ending.</summary>
    [Fact]
    public Task AFileOfCarriageReturnLinesKeepsThem() => V.FixAsync(
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        foreach (var batch in {|#0:trainLoader|}) { }
                    }
            """).ReplaceLineEndings("\r\n"),
        Train("""
            for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        Epochs.SetEpoch(trainLoader, epoch);
                        foreach (var batch in trainLoader) { }
                    }
            """).ReplaceLineEndings("\r\n"),
        One);

    // Found by red team 21: a counter declared inside the label's statement went back to 0 on every goto restart (and the
    // loop was wrapped in a block and re-indented). It goes before the label.

    [Fact]
    public Task ALabelledLoopGetsItsCounterBeforeTheLabel() => V.FixAsync("""
        class Program
        {
            static void Train(InMemoryDataset data)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                bool done = false;
            restart:
                do
                {
                    foreach (var batch in {|#0:trainLoader|}) { }
                    if (data.Count == 0) goto restart;
                    done = true;
                } while (!done);
            }
        }
        """, """
        class Program
        {
            static void Train(InMemoryDataset data)
            {
                var trainLoader = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                bool done = false;
                var epoch = 0;
            restart:
                do
                {
                    Epochs.SetEpoch(trainLoader, epoch++);
                    foreach (var batch in trainLoader) { }
                    if (data.Count == 0) goto restart;
                    done = true;
                } while (!done);
            }
        }
        """, One);

    /// <summary>A top-level program's new counter is one statement among the others: no blank line of its own.</summary>
    [Fact]
    public Task ATopLevelLoopGetsItsCounterWithoutABlankLine() => V.FixAsync("""
        var data = new InMemoryDataset(new Dictionary<string, TorchSharp.torch.Tensor> { ["x"] = TorchSharp.torch.zeros(8, 2) });
        var trainLoader = new EpochDataLoader(data, batchSize: 4, shuffle: true);
        bool done = false;
        do
        {
            foreach (var batch in {|#0:trainLoader|}) { }
            done = true;
        } while (!done);
        Console.WriteLine("done");
        """, """
        var data = new InMemoryDataset(new Dictionary<string, TorchSharp.torch.Tensor> { ["x"] = TorchSharp.torch.zeros(8, 2) });
        var trainLoader = new EpochDataLoader(data, batchSize: 4, shuffle: true);
        bool done = false;
        var epoch = 0;
        do
        {
            Epochs.SetEpoch(trainLoader, epoch++);
            foreach (var batch in trainLoader) { }
            done = true;
        } while (!done);
        Console.WriteLine("done");
        """, [V.Diagnostic().WithLocation(0).WithArguments("trainLoader")], topLevel: true);

    // Found by red team 21: with Fix All the second loader of a do loop's pass got the counter the first had already
    // advanced (one epoch ahead), and the new counter took the blank line above the loop.

    private static string Zip(string set, string counter = "") => $$"""
        class Program
        {
            static void Train(InMemoryDataset data)
            {
                var source = new EpochDataLoader(data, batchSize: 32, shuffle: true);
                var target = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1);
                double gap;

                {{counter}}do
                {
                    gap = 0;
                    {{set}}foreach (var (s, t) in {|#0:source.Zip({|#1:target|})|}) { }
                } while (gap > 0.05);
            }
        }
        """;

    [Fact]
    public Task FixAllGivesTwoLoadersOfADoLoopsPassTheSameEpoch() => V.FixAsync(
        Zip(""),
        Zip("Epochs.SetEpoch(source, epoch);\n            Epochs.SetEpoch(target, epoch++);\n            ", "var epoch = 0;\n        ").Replace("{|#0:source.Zip({|#1:target|})|}", "source.Zip(target)"),
        [V.Diagnostic().WithLocation(0).WithArguments("source"), V.Diagnostic().WithLocation(1).WithArguments("target")]);

    /// <summary>Loaders iterated in two statements of the pass: the second setter joins the first, which hands it the <c>++</c>.</summary>
    [Fact]
    public Task FixAllGivesLoadersOfTwoStatementsOfADoLoopsPassTheSameEpoch() => V.FixAsync(
        Train("bool done = false; var aux = new EpochDataLoader(data, batchSize: 8, shuffle: true); do { foreach (var b in {|#0:trainLoader|}) { } foreach (var b in {|#1:aux|}) { } done = true; } while (!done);"),
        Train("""
            bool done = false; var aux = new EpochDataLoader(data, batchSize: 8, shuffle: true);
                    var epoch = 0;
                    do { Epochs.SetEpoch(trainLoader, epoch); Epochs.SetEpoch(aux, epoch++); foreach (var b in trainLoader) { } foreach (var b in aux) { } done = true; } while (!done);
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("trainLoader"), V.Diagnostic().WithLocation(1).WithArguments("aux")]);

    /// <summary>A loader assigned after the first call: set above, the loader it replaces would get the epoch.</summary>
    [Fact]
    public Task ALoaderAssignedInThePassKeepsItsCallBeforeItsOwnStatement() => V.FixAsync(
        Train("""
            bool done = false;
                    var aux = new EpochDataLoader(data, batchSize: 8, shuffle: true);
                    do
                    {
                        foreach (var b in {|#0:trainLoader|}) { }
                        aux = new EpochDataLoader(data, batchSize: 8, shuffle: true);
                        foreach (var b in {|#1:aux|}) { }
                        done = true;
                    } while (!done);
            """),
        Train("""
            bool done = false;
                    var aux = new EpochDataLoader(data, batchSize: 8, shuffle: true);
                    var epoch = 0;
                    do
                    {
                        Epochs.SetEpoch(trainLoader, epoch++);
                        foreach (var b in trainLoader) { }
                        aux = new EpochDataLoader(data, batchSize: 8, shuffle: true);
                        Epochs.SetEpoch(aux, epoch);
                        foreach (var b in aux) { }
                        done = true;
                    } while (!done);
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("trainLoader"), V.Diagnostic().WithLocation(1).WithArguments("aux")]);

    // Found by red team 21: around an embedded statement each fix of a Fix All made a block of its own, one inside the other.

    [Fact]
    public Task FixAllWrapsAnEmbeddedLoopInOneBlock() => V.FixAsync("""
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var labelled = new EpochDataLoader(data, batchSize: 16, shuffle: true);
                var unlabelled = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 2);
                for (int epoch = 0; epoch < epochs; epoch++)
                    foreach (var (l, u) in {|#0:labelled.Zip({|#1:unlabelled|})|})
                        Console.WriteLine(l.Count);
            }
        }
        """, """
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var labelled = new EpochDataLoader(data, batchSize: 16, shuffle: true);
                var unlabelled = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 2);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    Epochs.SetEpoch(labelled, epoch);
                    Epochs.SetEpoch(unlabelled, epoch);
                    foreach (var (l, u) in labelled.Zip(unlabelled))
                        Console.WriteLine(l.Count);
                }
            }
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("labelled"), V.Diagnostic().WithLocation(1).WithArguments("unlabelled")]);

    /// <summary>Found by red team 22: a top-level program's local function over a sequence parameter iterates the loader at its call, where the setter goes.</summary>
    [Fact]
    public Task BeforeTheCallOfATopLevelLocalFunctionOverASequenceParameter() => V.FixAsync("""
        var data = new InMemoryDataset(new Dictionary<string, TorchSharp.torch.Tensor> { ["x"] = TorchSharp.torch.zeros(8, 2) });
        var train = new EpochDataLoader(data, batchSize: 4, shuffle: true);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Train({|#0:train|}, epoch);
        }

        void Train(IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> batches, int epoch)
        {
            foreach (var batch in batches) { }
        }
        """, """
        var data = new InMemoryDataset(new Dictionary<string, TorchSharp.torch.Tensor> { ["x"] = TorchSharp.torch.zeros(8, 2) });
        var train = new EpochDataLoader(data, batchSize: 4, shuffle: true);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            Train(train, epoch);
        }

        void Train(IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> batches, int epoch)
        {
            foreach (var batch in batches) { }
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("train")], topLevel: true);

    /// <summary>Found by red team 22: a copy of one parameter's loader (<c>var src = source.Loader</c>) gets its own setter, the copy set for the other is not it.</summary>
    [Fact]
    public Task ACopyOfOneParametersLoaderBesideAnotherThatIsSet() => V.FixAsync(Copies("""
        tgt.SetEpoch(epoch);
                    foreach (var b in {|#0:src|}) { }
        """), Copies("""
        tgt.SetEpoch(epoch);
                    Epochs.SetEpoch(src, epoch);
                    foreach (var b in src) { }
        """), [V.Diagnostic().WithLocation(0).WithArguments("src")]);

    private static string Copies(string pass) => $$"""
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
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{pass}}
                    foreach (var b in tgt) { }
                }
            }
        }
        """;

    /// <summary>Found by red team 23: a stored lambda over its loader parameter iterates the loader at its call, where the setter goes.</summary>
    [Fact]
    public Task BeforeTheCallOfAStoredLambdaOverItsLoaderParameter() => V.FixAsync(Train("""
        Func<EpochDataLoader, int> trainEpoch = l => { int n = 0; foreach (var b in l) n++; return n; };
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    var n = trainEpoch({|#0:trainLoader|});
                }
        """), Train("""
        Func<EpochDataLoader, int> trainEpoch = l => { int n = 0; foreach (var b in l) n++; return n; };
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    Epochs.SetEpoch(trainLoader, epoch);
                    var n = trainEpoch(trainLoader);
                }
        """), One);

    /// <summary>Found by red team 23: a local function that hands its loader to another that iterates it iterates the loader at its own call, where the setter goes.</summary>
    [Fact]
    public Task BeforeTheCallOfALocalFunctionThatCallsAnotherOverItsLoader() => V.FixAsync(Train("""
        void TrainEpoch(EpochDataLoader l) { foreach (var b in l) { } }
                void RunEpoch(EpochDataLoader l, int e) { Console.WriteLine(e); TrainEpoch(l); }
                for (int epoch = 0; epoch < epochs; epoch++)
                    RunEpoch({|#0:trainLoader|}, epoch);
        """), Train("""
        void TrainEpoch(EpochDataLoader l) { foreach (var b in l) { } }
                void RunEpoch(EpochDataLoader l, int e) { Console.WriteLine(e); TrainEpoch(l); }
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    Epochs.SetEpoch(trainLoader, epoch);
                    RunEpoch(trainLoader, epoch);
                }
        """), One);
}
