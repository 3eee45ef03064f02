using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Rules;

public class CMP005SetEpochInsideIterationTests
{
    private static readonly RuleVerifier V = new(Descriptors.CMP005SetEpochInsideIteration);

    private static string Train(string body) => $$"""
        class Program
        {
            static void Train(EpochDataLoader loader, EpochDataLoader other, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{body}}
                }
            }
        }
        """;

    [Fact]
    public Task EpochsSetEpochInTheBatchLoop() => V.AnalyzerAsync(Train("foreach (var batch in loader) { {|#0:Epochs.SetEpoch(loader, epoch)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task LoaderSetEpochInTheBatchLoop() => V.AnalyzerAsync(Train("foreach (var batch in loader) { {|#0:loader.SetEpoch(epoch)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    /// <summary>The body of a foreach over an iterator in view that wraps the loader runs during the loader's iteration.</summary>
    [Fact]
    public Task LoaderSetEpochInAForeachOverAnIteratorThatWrapsIt() => V.AnalyzerAsync(Train(
        "IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> Wrap(EpochDataLoader l) { foreach (var b in l) yield return b; } foreach (var batch in Wrap(loader)) { {|#0:loader.SetEpoch(epoch)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    /// <summary>
    /// An iterator that yields more after the loader's batches still hands them on: the yield in the loop counts, not only
    /// the last one written (Stryker on EpochFlow: a mutant that kept only the last <c>yield return</c> survived).
    /// </summary>
    [Fact]
    public Task LoaderSetEpochInAForeachOverAnIteratorThatYieldsMoreAfterIt() => V.AnalyzerAsync(Train(
        "IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> Wrap(EpochDataLoader l) { foreach (var b in l) yield return b; yield return new(); } foreach (var batch in Wrap(loader)) { {|#0:loader.SetEpoch(epoch)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task BatchSamplerInTheBatchLoop() => V.AnalyzerAsync(Train("foreach (var batch in loader) { if (loader.BatchSampler is IEpochAware b) {|#0:b.SetEpoch(epoch)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task NestedDeeperInTheBatchLoop() => V.AnalyzerAsync(Train("foreach (var batch in loader.IterateFrom(0)) { if (epoch > 0) { {|#0:loader.SetEpoch(epoch)|}; } }"),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task BeforeTheBatchLoop() => V.AnalyzerAsync(Train("loader.SetEpoch(epoch); foreach (var batch in loader) { }"));

    [Fact]
    public Task AnotherLoaderInTheBatchLoop() => V.AnalyzerAsync(Train("foreach (var batch in loader) { other.SetEpoch(epoch); }"));

    [Fact]
    public Task AfterTheBatchLoop() => V.AnalyzerAsync(Train("foreach (var batch in loader) { } loader.SetEpoch(epoch + 1);"));

    /// <summary>A hook called in the body of a plain <c>foreach</c> over the loader runs inside the iteration (held-out round Modern asked).</summary>
    [Theory]
    [InlineData("void OnBatchStart(int s) { if (s == 0) {|#0:loader.SetEpoch(epoch)|}; } int step = 0; foreach (var batch in loader) { OnBatchStart(step++); }")]
    [InlineData("Action<int> onBatchStart = s => { if (s == 0) {|#0:loader.SetEpoch(epoch)|}; }; int step = 0; foreach (var batch in loader) { onBatchStart(step++); }")]
    public Task InAHookCalledInTheBodyOfAForeach(string pass) => V.AnalyzerAsync(Train(pass), V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task InALambdaInsideTheBatchLoop() => V.AnalyzerAsync(Train("foreach (var batch in loader) { Action later = () => loader.SetEpoch(epoch + 1); }"));

    [Fact]
    public Task InsideAManualMoveNextLoop() => V.AnalyzerAsync("""
        class Program
        {
            static void Train(EpochDataLoader loader, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    using var e = loader.GetEnumerator();
                    while (e.MoveNext()) { {|#0:loader.SetEpoch(epoch)|}; }
                }
            }
        }
        """, V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task InsideALinqLambdaOverTheLoader() => V.AnalyzerAsync("""
        class Program
        {
            static void Train(EpochDataLoader loader, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                    foreach (var n in loader.Select(b => { {|#0:loader.SetEpoch(epoch)|}; return b.Count; })) { }
            }
        }
        """, V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task SettingAnotherLoaderInsideTheIteration() => V.AnalyzerAsync("""
        class Program
        {
            static void Train(EpochDataLoader loader, EpochDataLoader eval, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                    foreach (var batch in loader) { eval.SetEpoch(epoch); }
            }
        }
        """);

    [Fact]
    public Task ThroughAnEmptyPropertyPatternInTheBatchLoop() => V.AnalyzerAsync(Train("foreach (var batch in loader) { if (loader is { } l) {|#0:l.SetEpoch(epoch)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    [Fact]
    public Task TheSecondLoaderOfAZipInTheBody() => V.AnalyzerAsync(Train("foreach (var (a, b) in loader.Zip(other)) { {|#0:other.SetEpoch(epoch)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("other"));

    [Fact]
    public Task InALambdaOfTheForeachCollection() => V.AnalyzerAsync(Train("foreach (var (b, i) in loader.Select((b, i) => { if (i == 0) {|#0:loader.SetEpoch(epoch)|}; return (b, i); })) { }"),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    // Questions of red team 22 on foreach loops over helpers and chains.

    /// <summary>Found by red team 22: a foreach over an ordinary method that peeks at the loader and returns the epochs to run is the epoch loop, not a batch loop.</summary>
    [Fact]
    public Task ASetterInAForeachOverAnOrdinaryMethodThatPeeksAtTheLoader() => V.AnalyzerAsync("""
        class Program
        {
            static void Fit(EpochDataLoader train, int epochs)
            {
                foreach (var epoch in EpochsToRun(train, epochs)) { train.SetEpoch(epoch); foreach (var b in train) { } }
            }
            static IEnumerable<int> EpochsToRun(EpochDataLoader loader, int epochs) { var first = loader.First(); return Enumerable.Range(0, epochs); }
        }
        """);

    /// <summary>A method that returns lazy LINQ on the loader hands its batches on like an iterator: its foreach body runs during the loader's iteration.</summary>
    [Fact]
    public Task ASetterInAForeachOverAMethodThatReturnsLinqOnTheLoader() => V.AnalyzerAsync("""
        class Program
        {
            static void Fit(EpochDataLoader train, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                    foreach (var b in Scaled(train)) { {|#0:train.SetEpoch(epoch)|}; }
            }
            static IEnumerable<Dictionary<string, Tensor>> Scaled(EpochDataLoader loader) => loader.Select(b => b);
        }
        """, V.Diagnostic().WithLocation(0).WithArguments("train"));

    /// <summary>An iterator that peeks at the loader's first batch before it yields them all still wraps the loader.</summary>
    [Fact]
    public Task ASetterInAForeachOverAnIteratorThatPeeksThenYields() => V.AnalyzerAsync("""
        class Program
        {
            static void Fit(EpochDataLoader train, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                    foreach (var b in Checked(train)) { {|#0:train.SetEpoch(epoch)|}; }
            }
            static IEnumerable<Dictionary<string, Tensor>> Checked(EpochDataLoader loader)
            {
                if (loader.First().Count == 0) yield break;
                foreach (var b in loader) yield return b;
            }
        }
        """, V.Diagnostic().WithLocation(0).WithArguments("train"));

    /// <summary>Found by red team 22: LINQ over an iterator that wraps the loader hands its batches on, so its foreach body runs during the loader's iteration.</summary>
    [Fact]
    public Task ASetterInAForeachOverTakeOfAnIteratorThatWrapsTheLoader() => V.AnalyzerAsync("""
        class Program
        {
            static void Fit(EpochDataLoader train, int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    int step = 0;
                    foreach (var b in Progress(train).Take(100)) { if (step++ == 0) {|#0:train.SetEpoch(epoch)|}; }
                }
            }
            static IEnumerable<Dictionary<string, Tensor>> Progress(EpochDataLoader loader) { foreach (var b in loader) yield return b; }
        }
        """, V.Diagnostic().WithLocation(0).WithArguments("train"));

    /// <summary>Found by red team 22: a loader drawn from as the second sequence of a Zip over something else is iterated under the foreach's body.</summary>
    [Fact]
    public Task ASetterInAForeachOverARangeZippedWithTheLoader() => V.AnalyzerAsync(Train(
        "foreach (var (step, batch) in Enumerable.Range(0, 100).Zip(loader)) { if (step == 0) {|#0:loader.SetEpoch(epoch)|}; }"),
        V.Diagnostic().WithLocation(0).WithArguments("loader"));

    /// <summary>
    /// Found by red team 23: a helper that returns a local holding LINQ on the loader (<c>var batches = loader.Where(…);
    /// return batches;</c>) wraps it: its foreach body runs during the loader's iteration. Named by its helper: the same
    /// when the local is returned under an <c>if</c> or a <c>try</c> of the block; not when only a lambda written there returns it.
    /// </summary>
    [Theory]
    [InlineData("return batches;", true)]
    [InlineData("if (loader is null) throw new ArgumentNullException(nameof(loader)); else { return batches; }", true)]
    [InlineData("try { return batches; } finally { Console.WriteLine(\"wrapped\"); }", true)]
    [InlineData("Func<IEnumerable<Dictionary<string, Tensor>>> later = () => batches; return later().ToList();", false)]
    public Task ASetterInAForeachOverAHelperReturningALocalHoldingLinqOnTheLoader(string returns, bool handsOn)
    {
        var source = $$"""
            class Program
            {
                static void Fit(EpochDataLoader train, int epochs)
                {
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        bool first = true;
                        foreach (var b in NonEmpty(train)) { if (first) { {|#0:train.SetEpoch(epoch)|}; first = false; } }
                    }
                }
                static IEnumerable<Dictionary<string, Tensor>> NonEmpty(EpochDataLoader loader)
                {
                    var batches = loader.Where(b => b.Count > 0);
                    {{returns}}
                }
            }
            """;
        return handsOn
            ? V.AnalyzerAsync(source, V.Diagnostic().WithLocation(0).WithArguments("train"))
            : V.AnalyzerAsync(source.Replace("{|#0:", "").Replace("|}", ""));
    }

    /// <summary>
    /// A method of the class that iterates its field: the body of a foreach over the method runs during the field's iteration
    /// when the method is an iterator that yields the batches, not when it counts them and returns numbers nor when it
    /// returns them as a list (Stryker on EpochFlow: mutants that read every such foreach's body as run during the iteration,
    /// or none, survived).
    /// </summary>
    [Theory]
    [InlineData("foreach (var b in Batches()) { {|#0:_train.SetEpoch(epoch)|}; }", "IEnumerable<Dictionary<string, Tensor>> Batches() { foreach (var b in _train) yield return b; }", true)]
    [InlineData("foreach (var step in Steps()) { if (step == 0) _train.SetEpoch(epoch); }", "IEnumerable<int> Steps() { int n = _train.Count(); return Enumerable.Range(0, n); }", false)]
    [InlineData("foreach (var b in FirstBatches(_train)) { _train.SetEpoch(epoch); }", "static IEnumerable<Dictionary<string, Tensor>> FirstBatches(EpochDataLoader loader) => new List<Dictionary<string, Tensor>>(loader.Take(5));", false)]
    public Task ASetterInAForeachOverAMethodThatIteratesTheField(string loop, string helper, bool flagged) => V.AnalyzerAsync($$"""
        class Trainer(EpochDataLoader train)
        {
            private readonly EpochDataLoader _train = train;
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    {{loop}}
                }
            }
            private {{helper}}
        }
        """, flagged ? [V.Diagnostic().WithLocation(0).WithArguments("_train")] : []);
}
