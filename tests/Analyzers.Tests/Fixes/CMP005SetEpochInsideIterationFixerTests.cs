using Composer.Analyzers.CodeFixes.Rules;
using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Fixes;

public class CMP005SetEpochInsideIterationFixerTests
{
    private static readonly FixVerifier<CMP005SetEpochInsideIterationFixer> V = new(Descriptors.CMP005SetEpochInsideIteration);

    private static string Train(string body) => $$"""
        class Program
        {
            static void Train(EpochDataLoader loader, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{body}}
                }
            }
        }
        """;

    [Fact]
    public Task MovesTheCallBeforeTheLoop() => V.FixAsync(
        Train("""
            foreach (var batch in loader)
                        {
                            {|#0:loader.SetEpoch(epoch)|};
                            var x = batch["data"];
                        }
            """),
        Train("""
            loader.SetEpoch(epoch);
                        foreach (var batch in loader)
                        {
                            var x = batch["data"];
                        }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    /// <summary>
    /// Found by the held-out round Pipelines: an epoch loop inside a lambda (a prefetch thread's body) got no fix, as if
    /// the foreach were in a function its statement only declares; the call moves within the lambda.
    /// </summary>
    [Fact]
    public Task ALoopInsideAThreadsLambdaGetsTheCallBeforeItsForEach() => V.FixAsync("""
        class Program
        {
            static void Train(EpochDataLoader loader, int epochs)
            {
                var t = new System.Threading.Thread(() =>
                {
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        bool first = true;
                        foreach (var batch in loader)
                        {
                            if (first)
                            {
                                {|#0:loader.SetEpoch(epoch)|};
                                first = false;
                            }
                        }
                    }
                });
                t.Start();
            }
        }
        """, """
        class Program
        {
            static void Train(EpochDataLoader loader, int epochs)
            {
                var t = new System.Threading.Thread(() =>
                {
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        bool first = true;
                        loader.SetEpoch(epoch);
                        foreach (var batch in loader)
                        {
                            if (first)
                            {
                                first = false;
                            }
                        }
                    }
                });
                t.Start();
            }
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    [Fact]
    public Task TheCallsCommentsMoveWithIt() => V.FixAsync(
        Train("""
            foreach (var batch in loader)
                        {
                            // a new order each epoch
                            {|#0:loader.SetEpoch(epoch)|}; // reshuffle
                            var x = batch["data"]; // the images
                        }
            """),
        Train("""
            // a new order each epoch
                        loader.SetEpoch(epoch); // reshuffle
                        foreach (var batch in loader)
                        {
                            var x = batch["data"]; // the images
                        }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    [Fact]
    public Task FixAllMovesTwoCallsOfOneBatchLoop() => V.FixAsync(
        Train("""
            foreach (var batch in loader)
                        {
                            {|#0:loader.SetEpoch(epoch)|};
                            {|#1:Epochs.SetEpoch(loader, epoch)|};
                            var x = batch["data"];
                        }
            """),
        Train("""
            loader.SetEpoch(epoch);
                        Epochs.SetEpoch(loader, epoch);
                        foreach (var batch in loader)
                        {
                            var x = batch["data"];
                        }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader"), V.Diagnostic().WithLocation(1).WithArguments("loader")]);

    [Fact]
    public Task MovesACallOutOfAForeachOverAnIteratorThatWrapsTheLoader() => V.FixAsync(
        Train("""
            IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> Wrap(EpochDataLoader l) { foreach (var b in l) yield return b; }
                        foreach (var batch in Wrap(loader))
                        {
                            {|#0:loader.SetEpoch(epoch)|};
                        }
            """),
        Train("""
            IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> Wrap(EpochDataLoader l) { foreach (var b in l) yield return b; }

                        loader.SetEpoch(epoch);
                        foreach (var batch in Wrap(loader))
                        {
                        }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    [Fact]
    public Task MovesAnEmbeddedCall() => V.FixAsync(
        Train("foreach (var batch in loader) {|#0:Epochs.SetEpoch(loader, epoch)|};"),
        Train("""
            Epochs.SetEpoch(loader, epoch);
                        foreach (var batch in loader)
                        {
                        }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    [Fact]
    public Task AGuardOnTheEpochMovesWithTheCall() => V.FixAsync(
        Train("foreach (var batch in loader) { if (epoch > 0) {|#0:loader.SetEpoch(epoch)|}; }"),
        Train("""
            if (epoch > 0) loader.SetEpoch(epoch);
                        foreach (var batch in loader) { }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    [Fact]
    public Task AGuardThatGoesLeavesItsCommentsToTheCall() => V.FixAsync(
        Train("""
            foreach (var (batch, step) in loader.Select((b, i) => (b, i)))
                        {
                            // once per epoch, at its first batch
                            if (step == 0) {|#0:loader.SetEpoch(epoch)|}; // reshuffle
                            var x = batch["data"];
                        }
            """),
        Train("""
            // once per epoch, at its first batch
                        loader.SetEpoch(epoch); // reshuffle
                        foreach (var (batch, step) in loader.Select((b, i) => (b, i)))
                        {
                            var x = batch["data"];
                        }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    [Fact]
    public Task AGuardOnTheBatchGoes() => V.FixAsync(
        Train("foreach (var batch in loader) { var first = batch.Count > 0; if (first) {|#0:loader.SetEpoch(epoch)|}; }"),
        Train("""
            loader.SetEpoch(epoch);
                        foreach (var batch in loader) { var first = batch.Count > 0; }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    [Fact]
    public Task ACallThatReadsTheBatchOffersNothing() => V.NoFixAsync(
        Train("foreach (var batch in loader) { loader.SetEpoch(batch.Count); }".Replace("loader.SetEpoch(batch.Count)", "{|#0:loader.SetEpoch(batch.Count)|}")),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    /// <summary>The statement holding the iteration only declares the function it is in: in front of it the call would run once.</summary>
    [Theory]
    [InlineData("double Run() => loader.Select((b, i) => { if (i == 0) {|#0:loader.SetEpoch(epoch)|}; return 0.0; }).Sum(); Run();")]
    [InlineData("Func<double> run = () => loader.Select((b, i) => { if (i == 0) {|#0:loader.SetEpoch(epoch)|}; return 0.0; }).Sum(); run();")]
    public Task AnIterationInADeclaredFunctionOffersNothing(string body) => V.NoFixAsync(Train(body), V.Diagnostic().WithLocation(0).WithArguments("loader"));

    /// <summary>Found by red team 23: an iteration in a lambda handed to a call of the statement (a retry helper) is run by it, not only declared: the call moves in front of that statement, once per pass.</summary>
    [Fact]
    public Task AnIterationInALambdaHandedToAHelperGetsTheCallBeforeTheStatement() => V.FixAsync(
        WithRetry(Train("var mean = Retry(() => loader.Select((b, i) => { if (i == 0) {|#0:loader.SetEpoch(epoch)|}; return 0.0; }).Average());")),
        WithRetry(Train("""
            loader.SetEpoch(epoch);
                        var mean = Retry(() => loader.Select((b, i) => { return 0.0; }).Average());
            """)),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    private static string WithRetry(string source) => source.Replace("    static void Train(", "    static T Retry<T>(Func<T> body) => body();\n    static void Train(");

    [Fact]
    public Task ATestByAPropertyPatternMovesWithTheCall() => V.FixAsync(
        Train("foreach (var batch in loader) { if (loader.BatchSampler is IEpochAware { } b) {|#0:b.SetEpoch(epoch)|}; }"),
        Train("""
            if (loader.BatchSampler is IEpochAware { } b) b.SetEpoch(epoch);
                        foreach (var batch in loader) { }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    // Found by red team 17: removing the call would take an #if block in its leading trivia with it (inactive code
    // included), or leave its own #if behind and set the epoch in every build.

    [Fact]
    public Task AnIfBlockAboveTheCallOffersNothing() => V.NoFixAsync(Train("""
        foreach (var batch in loader)
                    {
        #if TRACE_BATCHES
                        Console.WriteLine("trace");
        #endif
                        {|#0:loader.SetEpoch(epoch)|};
                    }
        """), V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task ACallUnderAnIfOfItsOwnOffersNothing() => V.NoFixAsync(Train("""
        foreach (var batch in loader)
                    {
        #if !DEBUG
                        {|#0:loader.SetEpoch(epoch)|};
        #endif
                    }
        """), V.Diagnostic().WithLocation(0).WithArguments("loader"));

    /// <summary>A call inside an #if branch with other code around it: moved out of the loop it would leave the branch.</summary>
    [Fact]
    public Task ACallInsideABranchWithMoreInItOffersNothing() => V.NoFixAsync(Train("""
        foreach (var batch in loader)
                    {
        #if !FROZEN_ORDER
                        Console.WriteLine("first batch");
                        {|#0:loader.SetEpoch(epoch)|};
                        Console.WriteLine("reshuffled");
        #endif
                    }
        """), V.Diagnostic().WithLocation(0).WithArguments("loader"));

    // Found by red team 21: with Fix All each call moved out of a brace-less loop made a block of its own, one inside
    // the other, and the if that guarded only the two calls stayed behind empty.

    [Fact]
    public Task FixAllMovesAGuardsTwoCallsOutOfAnEmbeddedLoopIntoOneBlock() => V.FixAsync("""
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var shard = new DistributedSampler(data.Count, 1, 0, seed: 31);
                var loader = new EpochDataLoader(data, batchSize: 25, sampler: shard);
                for (int epoch = 0; epoch < epochs; epoch++)
                    foreach (var (batch, i) in loader.Select((b, i) => (b, i)))
                    {
                        if (i == 0)
                        {
                            {|#0:shard.SetEpoch(epoch)|};
                            {|#1:loader.SetEpoch(epoch)|};
                        }
                        var x = batch["data"];
                    }
            }
        }
        """, """
        class Program
        {
            static void Train(InMemoryDataset data, int epochs)
            {
                var shard = new DistributedSampler(data.Count, 1, 0, seed: 31);
                var loader = new EpochDataLoader(data, batchSize: 25, sampler: shard);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    shard.SetEpoch(epoch);
                    loader.SetEpoch(epoch);
                    foreach (var (batch, i) in loader.Select((b, i) => (b, i)))
                    {
                        var x = batch["data"];
                    }
                }
            }
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("loader"), V.Diagnostic().WithLocation(1).WithArguments("loader")]);

    /// <summary>Found by red team 22: a setter in a foreach over LINQ on an iterator that wraps the loader moves before that foreach (its guard on a local declared before the iteration with it).</summary>
    [Fact]
    public Task MovesACallOutOfAForeachOverTakeOfAnIteratorThatWrapsTheLoader() => V.FixAsync(
        Train("""
            IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> Wrap(EpochDataLoader l) { foreach (var b in l) yield return b; }
                        int step = 0;
                        foreach (var batch in Wrap(loader).Take(100))
                        {
                            if (step == 0) {|#0:loader.SetEpoch(epoch)|};
                            step++;
                        }
            """),
        Train("""
            IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> Wrap(EpochDataLoader l) { foreach (var b in l) yield return b; }
                        int step = 0;
                        if (step == 0) loader.SetEpoch(epoch);
                        foreach (var batch in Wrap(loader).Take(100))
                        {
                            step++;
                        }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);

    /// <summary>Found by red team 22: a setter in a foreach over a range zipped with the loader moves before that foreach, without its guard on the step.</summary>
    [Fact]
    public Task MovesACallOutOfAForeachOverARangeZippedWithTheLoader() => V.FixAsync(
        Train("""
            foreach (var (step, batch) in Enumerable.Range(0, 100).Zip(loader))
                        {
                            if (step == 0) {|#0:loader.SetEpoch(epoch)|};
                            var x = batch["data"];
                        }
            """),
        Train("""
            loader.SetEpoch(epoch);
                        foreach (var (step, batch) in Enumerable.Range(0, 100).Zip(loader))
                        {
                            var x = batch["data"];
                        }
            """),
        [V.Diagnostic().WithLocation(0).WithArguments("loader")]);
}
