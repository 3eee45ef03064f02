using Composer.Analyzers.CodeFixes.Rules;
using Composer.Analyzers.Rules;
using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Fixes;

public class CMP001SetEpochOnSamplerOnlyFixerTests
{
    private static readonly FixVerifier<CMP001SetEpochOnSamplerOnlyFixer> V = new(Descriptors.CMP001SetEpochOnSamplerOnly);

    private static string Train(string body, string loaderType = "EpochDataLoader") => $$"""
        class Program
        {
            static void Train({{loaderType}} trainLoader, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{body}}
                    foreach (var batch in trainLoader) { }
                }
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] One(string loader = "trainLoader", string sampler = "Sampler") => [V.Diagnostic().WithLocation(0).WithArguments(loader, sampler)];

    [Fact]
    public Task PatternTestedIfBecomesOneLine() => V.FixAsync(
        Train("if (trainLoader.Sampler is IEpochAware s) {|#0:s.SetEpoch(epoch)|};"),
        Train("trainLoader.SetEpoch(epoch);"), One());

    [Fact]
    public Task APropertyPatternIfBecomesOneLine() => V.FixAsync(
        Train("if (trainLoader is { Sampler: IEpochAware s }) {|#0:s.SetEpoch(epoch)|};"),
        Train("trainLoader.SetEpoch(epoch);"), One());

    /// <summary>The runtime helper given the sampler (held-out round Domains): given the loader instead.</summary>
    [Fact]
    public Task TheRuntimeHelperGivenTheSamplerIsGivenTheLoader() => V.FixAsync(
        Train("{|#0:Epochs.SetEpoch(trainLoader.Sampler, epoch)|};"),
        Train("trainLoader.SetEpoch(epoch);"), One());

    [Fact]
    public Task TheRuntimeHelperGivenTheSamplerWithNamedArguments() => V.FixAsync(
        Train("{|#0:Epochs.SetEpoch(epoch: epoch + 1, loader: trainLoader.Sampler)|};"),
        Train("trainLoader.SetEpoch(epoch + 1);"), One());

    private static string InARun(string body) => $$"""
        record Run(EpochDataLoader Loader);
        class Program
        {
            static void Train(Run run, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{body}}
                    foreach (var batch in run.Loader) { }
                }
            }
        }
        """;

    [Fact]
    public Task ANestedPropertyPatternBecomesTheHoldersLoader() => V.FixAsync(
        InARun("if (run is { Loader: { Sampler: IEpochAware s } }) {|#0:s.SetEpoch(epoch)|};"),
        InARun("run.Loader.SetEpoch(epoch);"), One("run.Loader"));

    [Fact]
    public Task AnExtendedPropertyPatternBecomesTheHoldersLoader() => V.FixAsync(
        InARun("if (run is { Loader.Sampler: IEpochAware s }) {|#0:s.SetEpoch(epoch)|};"),
        InARun("run.Loader.SetEpoch(epoch);"), One("run.Loader"));

    [Fact]
    public Task IfWithABlockBecomesOneLine() => V.FixAsync(
        Train("""
            if (trainLoader.Sampler is IEpochAware s)
                    {
                        {|#0:s.SetEpoch(epoch)|};
                    }
            """),
        Train("trainLoader.SetEpoch(epoch);"), One());

    [Fact]
    public Task CastCall() => V.FixAsync(
        Train("{|#0:((DistributedSampler)trainLoader.Sampler).SetEpoch(epoch)|};"),
        Train("trainLoader.SetEpoch(epoch);"), One());

    [Fact]
    public Task ConditionalAccess() => V.FixAsync(
        Train("(trainLoader.Sampler as IEpochAware)?{|#0:.SetEpoch(epoch)|};"),
        Train("trainLoader.SetEpoch(epoch);"), One());

    [Fact]
    public Task AliasIsRemovedWithTheCall() => V.FixAsync(
        Train("""
            var sampler = (IEpochAware)trainLoader.Sampler;
                    {|#0:sampler.SetEpoch(epoch)|};
            """),
        Train("trainLoader.SetEpoch(epoch);"), One());

    [Fact]
    public Task CommentsAndBlankLinesStay() => V.FixAsync("""
        class Program
        {
            static void Train(EpochDataLoader trainLoader, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    // Reshuffle for this epoch.
                    if (trainLoader.Sampler is IEpochAware s) {|#0:s.SetEpoch(epoch)|}; // as Composer did

                    foreach (var batch in trainLoader) { }
                }
            }
        }
        """, """
        class Program
        {
            static void Train(EpochDataLoader trainLoader, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    // Reshuffle for this epoch.
                    trainLoader.SetEpoch(epoch); // as Composer did

                    foreach (var batch in trainLoader) { }
                }
            }
        }
        """, One());

    // A loader ported from PyTorch: no SetEpoch of its own and no using of Composer.Data.
    private const string PortedProgram = """
        class MySampler { public void set_epoch(int epoch) { } }
        class MyLoader { public MySampler sampler = new(); public object batch_sampler = new(); public System.Collections.Generic.IEnumerator<object> GetEnumerator() { yield break; } }
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
        """;

    private const string PortedProgramFixed = """
        using Composer.Data;

        class MySampler { public void set_epoch(int epoch) { } }
        class MyLoader { public MySampler sampler = new(); public object batch_sampler = new(); public System.Collections.Generic.IEnumerator<object> GetEnumerator() { yield break; } }
        class Program
        {
            static void Train(MyLoader loader, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    Epochs.SetEpoch(loader, epoch);
                }
            }
        }
        """;

    [Fact]
    public Task PortedLoaderGetsEpochsSetEpochAndTheUsing() => V.FixAsync(PortedProgram, PortedProgramFixed, One("loader", "sampler"), globalUsings: false);

    /// <summary>In a file of "\r\n" lines the fix makes the code action's clean-up itself: the using and the short name still come.</summary>
    [Fact]
    public Task PortedLoaderInACarriageReturnFileGetsTheUsing() => V.FixAsync(
        PortedProgram.ReplaceLineEndings("\r\n"), PortedProgramFixed.ReplaceLineEndings("\r\n"), One("loader", "sampler"), globalUsings: false);

    /// <summary>The usings sit in the arms of an #if: the new using would go into the active arm only, so no fix is offered.</summary>
    [Fact]
    public Task NoFixWhenTheUsingsAreInTheArmsOfAnIf() => V.FixAsync("#if LEGACY\nusing System.Text;\n#else\nusing System.Linq;\n#endif\n" + PortedProgram, "#if LEGACY\nusing System.Text;\n#else\nusing System.Linq;\n#endif\n" + PortedProgram, One("loader", "sampler"), globalUsings: false);

    [Fact]
    public Task FixAllFixesEveryLoader() => V.FixAsync("""
        class Program
        {
            static void Train(EpochDataLoader train, EpochDataLoader extra, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (train.Sampler is IEpochAware a) {|#0:a.SetEpoch(epoch)|};
                    if (extra.Sampler is IEpochAware b) {|#1:b.SetEpoch(epoch)|};
                    foreach (var batch in train) { }
                }
            }
        }
        """, """
        class Program
        {
            static void Train(EpochDataLoader train, EpochDataLoader extra, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    train.SetEpoch(epoch);
                    extra.SetEpoch(epoch);
                    foreach (var batch in train) { }
                }
            }
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("train", "Sampler"), V.Diagnostic().WithLocation(1).WithArguments("extra", "Sampler")]);

    /// <summary>
    /// Two calls through one cast alias: fixed one at a time the alias stays for the other call; Fix All removes it after
    /// the last (left behind, the cast throws for a loader whose sampler is not epoch-aware).
    /// </summary>
    [Fact]
    public Task FixAllRemovesAnAliasEveryFixedCallUsed() => V.FixAsync("""
        class Program
        {
            static void Train(EpochDataLoader train, int warmup, int epochs)
            {
                var shard = (IEpochAware)train.Sampler;
                for (int epoch = 0; epoch < warmup; epoch++)
                {
                    {|#0:shard.SetEpoch(epoch)|};
                    foreach (var batch in train) { }
                }
                for (int epoch = warmup; epoch < epochs; epoch++)
                {
                    {|#1:shard.SetEpoch(epoch)|};
                    foreach (var batch in train) { }
                }
            }
        }
        """, """
        class Program
        {
            static void Train(EpochDataLoader train, int warmup, int epochs)
            {
                for (int epoch = 0; epoch < warmup; epoch++)
                {
                    train.SetEpoch(epoch);
                    foreach (var batch in train) { }
                }
                for (int epoch = warmup; epoch < epochs; epoch++)
                {
                    train.SetEpoch(epoch);
                    foreach (var batch in train) { }
                }
            }
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("train", "Sampler"), V.Diagnostic().WithLocation(1).WithArguments("train", "Sampler")]);

    [Fact]
    public Task CallInALambdaBodyIsReplacedInPlace() => V.FixAsync(
        Train("""Action reset = () => {|#0:((IEpochAware)trainLoader.Sampler).SetEpoch(epoch)|};"""),
        Train("""Action reset = () => trainLoader.SetEpoch(epoch);"""),
        One());

    [Fact]
    public Task ACallUnderASwitchOnTheSamplerGoesBeforeTheSwitch() => V.FixAsync(
        Train("""
            switch (trainLoader.Sampler)
                        {
                            case IEpochAware s:
                                {|#0:s.SetEpoch(epoch)|};
                                break;
                        }
            """),
        Train("""
            trainLoader.SetEpoch(epoch);
                        switch (trainLoader.Sampler)
                        {
                            case IEpochAware s:
                                break;
                        }
            """),
        One());

    /// <summary>A case's <c>when</c> clause guards the call as an <c>&amp;&amp;</c> operand does: the warm-up epochs keep their fixed order.</summary>
    [Fact]
    public Task ACasesWhenClauseKeepsGuardingTheCall() => V.FixAsync(
        Train("""
            switch (trainLoader.Sampler)
                        {
                            case IEpochAware s when epoch >= 2:
                                {|#0:s.SetEpoch(epoch)|};
                                break;
                        }
            """),
        Train("""
            if (epoch >= 2)
                            trainLoader.SetEpoch(epoch);
                        switch (trainLoader.Sampler)
                        {
                            case IEpochAware s when epoch >= 2:
                                break;
                        }
            """),
        One());

    [Fact]
    public Task ACasesWhenClauseThatReadsTheReceiverOffersNothing() => V.NoFixAsync(
        Train("""
            switch (trainLoader.Sampler)
                        {
                            case DistributedSampler d when d.Shuffle:
                                {|#0:d.SetEpoch(epoch)|};
                                break;
                        }
            """),
        One());

    [Fact]
    public Task AMovedCallKeepsItsComments() => V.FixAsync(
        Train("""
            switch (trainLoader.Sampler)
                        {
                            case IEpochAware s:
                                // the Composer bug
                                {|#0:s.SetEpoch(epoch)|}; // reshuffle
                                break;
                        }
            """),
        Train("""
            // the Composer bug
                        trainLoader.SetEpoch(epoch); // reshuffle
                        switch (trainLoader.Sampler)
                        {
                            case IEpochAware s:
                                break;
                        }
            """),
        One());

    [Fact]
    public Task ACallInAnIfThatDoesMoreGoesBeforeTheIf() => V.FixAsync(
        Train("if (trainLoader.Sampler is IEpochAware s) { {|#0:s.SetEpoch(epoch)|}; Console.WriteLine(s); }"),
        Train("""
            trainLoader.SetEpoch(epoch);
                        if (trainLoader.Sampler is IEpochAware s) { Console.WriteLine(s); }
            """),
        One());

    [Fact]
    public Task TheTestsOtherConditionsKeepGuardingTheCall() => V.FixAsync(
        Train("if (trainLoader.Sampler is IEpochAware s && epoch >= 2) {|#0:s.SetEpoch(epoch - 2)|};"),
        Train("""
            if (epoch >= 2)
                            trainLoader.SetEpoch(epoch - 2);
            """),
        One());

    [Fact]
    public Task TheGuardsCommentsStayWithTheGuardedCall() => V.FixAsync(
        Train("""
            // warm-up epochs replay one order on purpose
                        if (trainLoader.Sampler is IEpochAware s && epoch >= 2) {|#0:s.SetEpoch(epoch)|}; // reshuffle
            """),
        Train("""
            // warm-up epochs replay one order on purpose
                        if (epoch >= 2)
                            trainLoader.SetEpoch(epoch); // reshuffle
            """),
        One());

    [Fact]
    public Task AConditionThatReadsTheReceiverOffersNothing() => V.NoFixAsync(
        Train("if (trainLoader.Sampler is IEpochAware s && s.GetHashCode() > 0) {|#0:s.SetEpoch(epoch)|};"),
        One());

    [Fact]
    public Task AnAsAliasCalledThroughConditionalAccessIsRemovedWithTheCall() => V.FixAsync(
        Train("var s = trainLoader.Sampler as IEpochAware; s?{|#0:.SetEpoch(epoch)|};"),
        Train("trainLoader.SetEpoch(epoch);"),
        One());
    // A setter handed on as a delegate.

    private static string Hooked(string hook, string loaderType = "EpochDataLoader", string types = "") => $$"""
        {{types}}class Hooks { public event Action<int>? EpochStarted; public List<Action<int>> BeforeEpoch { get; } = new(); }
        class Program
        {
            static void Train({{loaderType}} trainLoader, Hooks hooks)
            {
                {{hook}}
            }
        }
        """;

    [Fact]
    public Task AMethodGroupBecomesTheLoadersSetter() => V.FixAsync(
        Hooked("hooks.EpochStarted += {|#0:((DistributedSampler)trainLoader.Sampler).SetEpoch|}; // reshuffle"),
        Hooked("hooks.EpochStarted += trainLoader.SetEpoch; // reshuffle"), One());

    [Fact]
    public Task AMethodGroupOnAnAliasTakesTheAliasAlong() => V.FixAsync(
        Hooked("""
            var shard = (IEpochAware)trainLoader.Sampler;
                    hooks.BeforeEpoch.Add({|#0:shard.SetEpoch|});
            """),
        Hooked("hooks.BeforeEpoch.Add(trainLoader.SetEpoch);"), One());

    private const string PortedLoader = """
        class MySampler { public void set_epoch(int epoch) { } }
        class MyLoader { public MySampler sampler = new(); public object batch_sampler = new(); public System.Collections.Generic.IEnumerator<object> GetEnumerator() { yield break; } }

        """;

    [Fact]
    public Task APortedLoadersMethodGroupBecomesALambda() => V.FixAsync(
        Hooked("hooks.BeforeEpoch.Add({|#0:trainLoader.sampler.set_epoch|});", "MyLoader", PortedLoader),
        Hooked("hooks.BeforeEpoch.Add(epoch => Epochs.SetEpoch(trainLoader, epoch));", "MyLoader", PortedLoader),
        One("trainLoader", "sampler"));

    [Fact]
    public Task APortedLoadersMethodGroupSubscribedToAnEventOffersNothing() => V.NoFixAsync(
        Hooked("hooks.EpochStarted += {|#0:trainLoader.sampler.set_epoch|};", "MyLoader", PortedLoader),
        One("trainLoader", "sampler"));

    // A loader type of the user's with a setter of its own under a configured name: Epochs.SetEpoch cannot call
    // Reshuffle (nor its parts' Reshuffle), so the fix calls the loader's own setter, in every form.
    private const string ReshufflingLoader = """
        class ShardSampler { public void Reshuffle(int epoch) { } }
        class ShardLoader
        {
            public ShardSampler Sampler { get; } = new();
            public ShardSampler BatchSampler { get; } = new();
            public void Reshuffle(int epoch) { Sampler.Reshuffle(epoch); BatchSampler.Reshuffle(epoch); }
            public System.Collections.Generic.IEnumerator<object> GetEnumerator() { yield break; }
        }

        """;

    [Fact]
    public Task ALoaderWithASetterOfItsOwnGetsItCalled() => V.FixAsync(
        ReshufflingLoader + Train("{|#0:trainLoader.Sampler.Reshuffle(epoch)|};", "ShardLoader"),
        ReshufflingLoader + Train("trainLoader.Reshuffle(epoch);", "ShardLoader"),
        One(), editorConfig: "composer_analyzers.epoch_setters = Reshuffle");

    [Fact]
    public Task ALoaderWithASetterOfItsOwnSubscribesIt() => V.FixAsync(
        Hooked("hooks.EpochStarted += {|#0:trainLoader.Sampler.Reshuffle|};", "ShardLoader", ReshufflingLoader),
        Hooked("hooks.EpochStarted += trainLoader.Reshuffle;", "ShardLoader", ReshufflingLoader),
        One(), editorConfig: "composer_analyzers.epoch_setters = Reshuffle");
    // Found by the red team of 2026-12-06 (round 12).

    [Fact]
    public Task AMethodGroupUnderTheSamplersTypeTestTakesTheIfAlong() => V.FixAsync(
        Hooked("if (trainLoader.Sampler is DistributedSampler ddp) hooks.EpochStarted += {|#0:ddp.SetEpoch|};"),
        Hooked("hooks.EpochStarted += trainLoader.SetEpoch;"), One());

    [Fact]
    public Task AMethodGroupUnderATestWithMoreInItOffersNothing() => V.NoFixAsync(
        Hooked("if (trainLoader.Sampler is DistributedSampler ddp) { hooks.EpochStarted += {|#0:ddp.SetEpoch|}; Console.WriteLine(ddp); }"), One());

    [Fact]
    public Task ACastMethodGroupBecomesAParenthesizedLambda() => V.FixAsync(
        Hooked("Action<int> hook = (Action<int>){|#0:trainLoader.sampler.set_epoch|}; hooks.BeforeEpoch.Add(hook);", "MyLoader", PortedLoader),
        Hooked("Action<int> hook = (Action<int>)((int epoch) => Epochs.SetEpoch(trainLoader, epoch)); hooks.BeforeEpoch.Add(hook);", "MyLoader", PortedLoader),
        One("trainLoader", "sampler"));

    [Fact]
    public Task TheMatchingUnsubscriptionIsRewrittenToo() => V.FixAsync(
        Hooked("hooks.EpochStarted += {|#0:((DistributedSampler)trainLoader.Sampler).SetEpoch|}; hooks.EpochStarted -= ((DistributedSampler)trainLoader.Sampler).SetEpoch;"),
        Hooked("hooks.EpochStarted += trainLoader.SetEpoch; hooks.EpochStarted -= trainLoader.SetEpoch;"), One());

    [Fact]
    public Task ATypedOuterPatternOffersNothing() => V.NoFixAsync("""
        record Run(EpochDataLoader Loader);
        class Program
        {
            static void Train(object owner, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (owner is Run { Loader.Sampler: IEpochAware s }) {|#0:s.SetEpoch(epoch)|};
                }
            }
        }
        """, One("owner.Loader"));

    [Fact]
    public Task APatternOnALookupOffersNothing() => V.NoFixAsync("""
        record Run(EpochDataLoader Loader);
        class Program
        {
            static void Train(Dictionary<string, Run> runs, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (runs.GetValueOrDefault("main") is { Loader.Sampler: IEpochAware s }) {|#0:s.SetEpoch(epoch)|};
                }
            }
        }
        """, One("runs.GetValueOrDefault(\"main\").Loader"));

    [Fact]
    public Task AGuardThatReturnsFirstOffersNothing() => V.NoFixAsync(
        Train("if (trainLoader.Sampler is not IEpochAware s) continue; {|#0:s.SetEpoch(epoch)|};"), One());

    [Fact]
    public Task AConditionWithSideEffectsOffersNothing() => V.NoFixAsync(
        Train("int seen = 0; if (++seen > 2 && trainLoader.Sampler is IEpochAware s) {|#0:s.SetEpoch(epoch)|};"), One());
    [Fact]
    public Task MethodGroupsInAMultiLineCollectionKeepTheirLines() => V.FixAsync(PortedLoader + """
        static class Hooks
        {
            public static List<Action<int>> For(MyLoader a, MyLoader b) =>
            [
                {|#0:a.sampler.set_epoch|}, // query tower
                {|#1:b.sampler.set_epoch|},
            ];
        }
        """, PortedLoader + """
        static class Hooks
        {
            public static List<Action<int>> For(MyLoader a, MyLoader b) =>
            [
                epoch => Epochs.SetEpoch(a, epoch), // query tower
                epoch => Epochs.SetEpoch(b, epoch),
            ];
        }
        """, [V.Diagnostic().WithLocation(0).WithArguments("a", "sampler"), V.Diagnostic().WithLocation(1).WithArguments("b", "sampler")]);
    [Fact]
    public Task AnAliasAFewLinesUpGoesWithoutLeavingABlankLine() => V.FixAsync(
        Hooked("""
            var shard = (IEpochAware)trainLoader.Sampler;
                    Console.WriteLine("wiring");
                    hooks.BeforeEpoch.Add({|#0:shard.SetEpoch|});
            """),
        Hooked("""
            Console.WriteLine("wiring");
                    hooks.BeforeEpoch.Add(trainLoader.SetEpoch);
            """), One());

    // Found by red team 17: what a fix must not lose or break.

    /// <summary>The comments of the if's body stay: those before the call on lines of their own, the one after it on its line.</summary>
    [Fact]
    public Task TheCommentsInsideTheIfStay() => V.FixAsync(
        Train("""
            if (trainLoader.Sampler is IEpochAware aware)
                        {
                            // every rank must agree on this epoch's shuffle
                            {|#0:aware.SetEpoch(epoch)|}; // see DistributedSampler
                        }
            """),
        Train("""
            // every rank must agree on this epoch's shuffle
                        trainLoader.SetEpoch(epoch); // see DistributedSampler
            """),
        One());

    /// <summary>Another pattern variable in the condition would stay declared in the if left behind, and be declared twice.</summary>
    [Fact]
    public Task AnotherPatternVariableInTheConditionOffersNothing() => V.NoFixAsync("""
        class Program
        {
            static void Train(EpochDataLoader real, EpochDataLoader fake, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    if (real.Sampler is IEpochAware r && fake.Sampler is IEpochAware f) { {|#0:r.SetEpoch(epoch)|}; {|#1:f.SetEpoch(epoch)|}; }
                    foreach (var (a, b) in real.Zip(fake)) { }
                }
            }
        }
        """,
        V.Diagnostic().WithLocation(0).WithArguments("real", "Sampler"), V.Diagnostic().WithLocation(1).WithArguments("fake", "Sampler"));

    /// <summary>A file of "\r\n" lines keeps them in what the fix writes, whatever the platform's line ending.</summary>
    [Fact]
    public Task AFileOfCarriageReturnLinesKeepsThem() => V.FixAsync(
        Train("if (trainLoader.Sampler is IEpochAware s && epoch > 0) {|#0:s.SetEpoch(epoch)|};").ReplaceLineEndings("\r\n"),
        Train("if (epoch > 0)\n                trainLoader.SetEpoch(epoch);").ReplaceLineEndings("\r\n"),
        One());

    /// <summary>Found by red team 22: with the batch sampler handed only to a stored lambda that reads it, the setter is replaced and the call to the lambda stays.</summary>
    [Fact]
    public Task BesideAStoredLambdaThatOnlyReadsTheBatchSampler() => V.FixAsync(
        Train("Action<IBatchSampler> describe = b => Console.WriteLine(b.Count); if (trainLoader.Sampler is IEpochAware s) {|#0:s.SetEpoch(epoch)|}; describe(trainLoader.BatchSampler!);"),
        Train("Action<IBatchSampler> describe = b => Console.WriteLine(b.Count); trainLoader.SetEpoch(epoch); describe(trainLoader.BatchSampler!);"),
        One());

    /// <summary>
    /// Found by the Stryker helper: a loader reached through <c>?.</c> (<c>h?.Loader?.Sampler</c>) is named <c>h?.Loader</c>, not
    /// by the text after the <c>?</c> (<c>.Loader</c>), and the fix keeps the <c>?.</c>: nothing runs when <c>h</c> is null, as before.
    /// </summary>
    [Fact]
    public Task ALoaderReachedThroughAConditionalAccessKeepsIt() => V.FixAsync("""
        class Holder(InMemoryDataset data) { public EpochDataLoader Loader { get; } = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(data.Count, 2, 0), 32)); }
        class Program
        {
            static void Train(Holder? h, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    (h?.Loader?.Sampler as IEpochAware)?{|#0:.SetEpoch(epoch)|};
                    foreach (var batch in h!.Loader) { }
                }
            }
        }
        """, """
        class Holder(InMemoryDataset data) { public EpochDataLoader Loader { get; } = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(data.Count, 2, 0), 32)); }
        class Program
        {
            static void Train(Holder? h, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    h?.Loader.SetEpoch(epoch);
                    foreach (var batch in h!.Loader) { }
                }
            }
        }
        """, One("h?.Loader"));
}
