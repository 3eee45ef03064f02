using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Rules;

public class CMP004EpochArgumentConstantTests
{
    private static readonly RuleVerifier V = new(Descriptors.CMP004EpochArgumentConstant);

    private static string Train(string body) => $$"""
        class Program
        {
            int _epoch;
            static void Train(EpochDataLoader loader, DistributedSampler sampler, int epochs, int start)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public Task ConstantEpoch() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { {|#0:Epochs.SetEpoch(loader, 0)|}; foreach (var b in loader) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("0"));

    [Fact]
    public Task ParameterThatNeverChanges() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { {|#0:loader.SetEpoch(epochs)|}; foreach (var b in loader) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("epochs"));

    /// <summary>A for loop's second local that the loop never writes is fixed (Stryker on Variation found it read as changing).</summary>
    [Fact]
    public Task AForLoopsLocalTheLoopNeverWrites() => V.AnalyzerAsync(Train("for (int step = 0, epoch = start; step < epochs; step++) { {|#0:loader.SetEpoch(epoch)|}; foreach (var b in loader) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("epoch"));

    [Fact]
    public Task AForLoopsLocalTheLoopAdvances() => V.AnalyzerAsync(Train("for (int step = 0, epoch = start; step < epochs; step++, epoch++) { loader.SetEpoch(epoch); foreach (var b in loader) { } }"));

    [Fact]
    public Task LocalSetBeforeTheLoop() => V.AnalyzerAsync(Train("int e = start; for (int epoch = 0; epoch < epochs; epoch++) { {|#0:sampler.SetEpoch(e)|}; foreach (var b in loader) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("e"));

    /// <summary>A process's rank is the same on every pass (held-out round Ranks asked): passed as the epoch, it is CMP004.</summary>
    [Fact]
    public Task TheRankAsTheEpoch() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { {|#0:sampler.SetEpoch(Composer.Distributed.Dist.Rank)|}; foreach (var b in loader) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("Composer.Distributed.Dist.Rank"));

    /// <summary>The same read through a helper of no arguments named for the rank (<c>GetRank()</c>).</summary>
    [Fact]
    public Task TheRankFromAHelperAsTheEpoch() => V.AnalyzerAsync(
        Train("for (int epoch = 0; epoch < epochs; epoch++) { {|#0:sampler.SetEpoch(GetRank())|}; foreach (var b in loader) { } }")
            .Replace("int _epoch;", "int _epoch; static int GetRank() => Composer.Distributed.Dist.Rank;"),
        V.Diagnostic().WithLocation(0).WithArguments("GetRank()"));

    /// <summary>
    /// The count of a collection is not known to stay fixed when something out of the loop's sight may grow it (a helper
    /// the loop hands it to): the epoch loop's own count of finished epochs, say.
    /// </summary>
    [Fact]
    public Task TheCountOfACollectionAHelperGrows() => V.AnalyzerAsync(Train(
        "var finished = new List<int>(); void Finish(List<int> done, int e) => done.Add(e); " +
        "for (int epoch = 0; epoch < epochs; epoch++) { sampler.SetEpoch(finished.Count); foreach (var b in loader) { } Finish(finished, epoch); }"));

    /// <summary>An epoch expression nested deeper than the model follows is taken to change: when it gives up, it does not report.</summary>
    [Fact]
    public Task AnEpochNestedDeeperThanTheModelFollows() => V.AnalyzerAsync(Train(
        "for (int epoch = 0; epoch < epochs; epoch++) { loader.SetEpoch(epoch + 1 + 2 + 3 + 4 + 5 + 6 + 7); foreach (var b in loader) { } }"));

    [Fact]
    public Task ConstantInAWhileLoop() => V.AnalyzerAsync(Train("int epoch = 0; while (epoch++ < epochs) { {|#0:sampler.SetEpoch(1)|}; foreach (var b in loader) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("1"));

    [Fact]
    public Task ChoiceBetweenValuesTheLoopNeverChanges() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { {|#0:loader.SetEpoch(start > 0 ? start : 0)|}; foreach (var b in loader) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("start > 0 ? start : 0"));

    [Fact]
    public Task LocalDeconstructedInsideTheLoopFromFixedValues() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { var (e, _) = (start, 1); {|#0:loader.SetEpoch(e)|}; foreach (var b in loader) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("e"));

    [Fact]
    public Task LocalDerivedFromTheLoopVariableInsideTheLoop() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { var e = start + epoch; loader.SetEpoch(e); foreach (var b in loader) { } }"));

    [Fact]
    public Task ChoiceThatFollowsTheLoopVariable() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { loader.SetEpoch(start > 0 ? start + epoch : epoch); foreach (var b in loader) { } }"));

    [Fact]
    public Task LoopVariable() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { loader.SetEpoch(epoch); }"));

    [Fact]
    public Task DerivedFromTheLoopVariable() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { Epochs.SetEpoch(loader, start + epoch); }"));

    [Fact]
    public Task CounterIncrementedInTheLoop() => V.AnalyzerAsync(Train("int e = 0; while (e < epochs) { sampler.SetEpoch(e); e++; }"));

    [Fact]
    public Task OutsideAnyLoop() => V.AnalyzerAsync(Train("loader.SetEpoch(0);"));

    [Fact]
    public Task LoopThatIteratesNoLoader() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { loader.SetEpoch(0); }"));

    [Fact]
    public Task LoopOverLoadersInsideTheEpochLoop() => V.AnalyzerAsync(Train(
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var l in new[] { loader }) l.SetEpoch(epoch); foreach (var b in loader) { } }"));

    [Fact]
    public Task FoldIndexInsideTheEpochLoop() => V.AnalyzerAsync(Train(
        "for (int fold = 0; fold < 5; fold++) { for (int epoch = 0; epoch < epochs; epoch++) { {|#0:loader.SetEpoch(fold)|}; foreach (var b in loader) { } } }"),
        V.Diagnostic().WithLocation(0).WithArguments("fold"));

    [Fact]
    public Task InnerBatchLoopOfAnEpochLoop() => V.AnalyzerAsync(Train("for (int epoch = 0; epoch < epochs; epoch++) { foreach (var b in new[] { 1, 2 }) sampler.SetEpoch(epoch); }"));

    [Fact]
    public Task ALoopOverLoadersThatIteratesEachIsNotTheEpochLoop() => V.AnalyzerAsync(Train(
        "for (int epoch = 0; epoch < epochs; epoch++) { foreach (var l in new[] { loader }) { l.SetEpoch(epoch); foreach (var b in l) { } } }"));

    [Fact]
    public Task ALocalFunctionsParameterFedTheEpoch() => V.AnalyzerAsync(Train(
        "void RunEpoch(int e) { loader.SetEpoch(e); foreach (var b in loader) { } } for (int epoch = 0; epoch < epochs; epoch++) RunEpoch(epoch);"));

    [Fact]
    public Task ALocalFunctionsParameterFedAConstant() => V.AnalyzerAsync(Train(
        "void RunEpoch(int e) { {|#0:loader.SetEpoch(e)|}; foreach (var b in loader) { } } for (int epoch = 0; epoch < epochs; epoch++) { RunEpoch(0); }"),
        V.Diagnostic().WithLocation(0).WithArguments("e"));

    // Found by a red team: a stored lambda called through ?.Invoke passes its argument as a direct call does.

    [Fact]
    public Task AStoredLambdaCalledThroughConditionalInvokeWithTheEpoch() => V.AnalyzerAsync(Train(
        "Action<int>? begin = e => loader.SetEpoch(e); for (int epoch = 0; epoch < epochs; epoch++) { begin?.Invoke(epoch); foreach (var b in loader) { } }"));

    [Fact]
    public Task AStoredLambdaCalledThroughConditionalInvokeWithAConstant() => V.AnalyzerAsync(Train(
        "Action<int>? begin = e => {|#0:loader.SetEpoch(e)|}; for (int epoch = 0; epoch < epochs; epoch++) { begin?.Invoke(0); foreach (var b in loader) { } }"),
        V.Diagnostic().WithLocation(0).WithArguments("e"));

    [Fact]
    public Task ALoopOverTasksPicksALoaderPerPass() => V.AnalyzerAsync(Train(
        "var tasks = new[] { (Name: \"a\", Loader: loader) }; for (int epoch = 0; epoch < epochs; epoch++) foreach (var task in tasks) { task.Loader.SetEpoch(epoch); foreach (var b in task.Loader) { } }"));

    [Fact]
    public Task ALoopOverStagesByIndexPicksALoaderPerPass() => V.AnalyzerAsync(Train(
        "var stages = new List<EpochDataLoader> { loader }; for (int epoch = 0; epoch < epochs; epoch++) for (int i = 0; i < stages.Count; i++) { var stage = stages[i]; stage.SetEpoch(epoch); foreach (var b in stage) { } }"));

    /// <summary>
    /// A retry loop inside the epoch loop (held-out round Apps asked): it leaves once a pass completes and runs again only
    /// when one failed, so the epoch it passes is the epoch loop's, not a value fixed across epochs.
    /// </summary>
    [Theory]
    [InlineData("for (int attempt = 0; attempt < 3; attempt++) { try { loader.SetEpoch(epoch); foreach (var b in loader) { } break; } catch (System.IO.IOException) when (attempt < 2) { } }")]
    [InlineData("while (true) { try { sampler.SetEpoch(epoch); foreach (var b in loader) { } return; } catch (System.IO.IOException) { Console.WriteLine(epoch); continue; } }")]
    [InlineData("do { try { loader.SetEpoch(epoch); foreach (var b in loader) { } break; } finally { Console.WriteLine(epoch); } } while (epochs > 0);")]
    [InlineData("for (int attempt = 0; ; attempt++) try { loader.SetEpoch(epoch); foreach (var b in loader) { } break; } catch (System.IO.IOException) when (attempt < 2) { }")] // red team 25
    public Task AnEpochSetInARetryLoop(string retry) => V.AnalyzerAsync(Train($"for (int epoch = 0; epoch < epochs; epoch++) {{ {retry} }}"));

    /// <summary>An inner loop that runs its passes again without failing is a loop of its own: the outer epoch is fixed across it.</summary>
    [Theory]
    [InlineData("int pass = 0; while (true) { {|#0:loader.SetEpoch(epoch)|}; foreach (var b in loader) { } if (++pass < 2) continue; break; }")]
    [InlineData("for (int pass = 0; pass < 2; pass++) { try { {|#0:loader.SetEpoch(epoch)|}; foreach (var b in loader) { } } catch (System.IO.IOException) { break; } }")]
    [InlineData("for (int pass = 0; pass < 2; pass++) { {|#0:loader.SetEpoch(epoch)|}; foreach (var b in loader) { if (b.Count == 0) break; } }")]
    public Task AnEpochFixedAcrossAnInnerLoopThatRepeats(string inner) => V.AnalyzerAsync(Train($"for (int epoch = 0; epoch < epochs; epoch++) {{ {inner} }}"),
        V.Diagnostic().WithLocation(0).WithArguments("epoch"));

    /// <summary>A lambda's parameter is fixed across a loop inside the lambda (k-fold in parallel: the fold as the epoch).</summary>
    [Fact]
    public Task ALambdaParameterAcrossALoopInsideTheLambda() => V.AnalyzerAsync(Train(
        "System.Threading.Tasks.Parallel.For(0, 5, fold => { for (int epoch = 0; epoch < epochs; epoch++) { {|#0:loader.SetEpoch(fold)|}; foreach (var b in loader) { } } });"),
        V.Diagnostic().WithLocation(0).WithArguments("fold"));

    [Fact]
    public Task ALambdaParameterGivenTheEpochInsideTheLoop() => V.AnalyzerAsync(Train(
        "Action<int> begin = e => loader.SetEpoch(e); for (int epoch = 0; epoch < epochs; epoch++) { begin(epoch); foreach (var b in loader) { } }"));

    /// <summary>A pick with <c>ElementAtOrDefault</c> too (Stryker on EpochFlow: a mutant that knew only <c>ElementAt</c> survived).</summary>
    [Theory]
    [InlineData("ElementAt")]
    [InlineData("ElementAtOrDefault")]
    public Task ALoopOverStagesPickedWithElementAt(string pick) => V.AnalyzerAsync(Train(
        "IReadOnlyCollection<EpochDataLoader> stages = new List<EpochDataLoader> { loader }; for (int epoch = 0; epoch < epochs; epoch++) for (int i = 0; i < stages.Count; i++) { var stage = stages." + pick + "(i)!; stage.SetEpoch(epoch); foreach (var b in stage) { } }"));

    [Fact]
    public Task ALoopOverDictionaryEntriesCopyingTheLoader() => V.AnalyzerAsync(Train(
        "var loaders = new Dictionary<string, EpochDataLoader> { [\"a\"] = loader }; for (int epoch = 0; epoch < epochs; epoch++) foreach (var kv in loaders) { var l = kv.Value; l.SetEpoch(epoch); foreach (var b in l) { } }"));

    // Iterations in helpers make the calling loop an epoch loop only for a loader whose order is meant to change.
    private static string ThroughHelper(string loader) => $$"""
        class Program
        {
            static void Score(TorchSharp.Modules.DataLoader probe) { foreach (var b in probe) { } }
            static void Fit(torch.utils.data.Dataset data, DistributedSampler calib, int epochs)
            {
                var probe = {{loader}};
                for (int epoch = 0; epoch < epochs; epoch++) { {|#0:calib.SetEpoch(0)|}; Score(probe); }
            }
        }
        """;

    /// <summary>A TorchSharp loader that shuffles from a seed (CMP003's case, whose fix sets its epoch there).</summary>
    [Fact]
    public Task AHelperIteratingASeededShufflingTorchLoader() => V.AnalyzerAsync(ThroughHelper("new TorchSharp.Modules.DataLoader(data, 32, shuffle: true, seed: 1)"),
        V.Diagnostic().WithLocation(0).WithArguments("0"));

    /// <summary>Without a seed TorchSharp draws a fresh order each time: not epoch-dependent, so the loop is no epoch loop.</summary>
    [Fact]
    public Task AHelperIteratingAnUnseededTorchLoader() => V.AnalyzerAsync(ThroughHelper("new TorchSharp.Modules.DataLoader(data, 32, shuffle: true)").Replace("{|#0:calib.SetEpoch(0)|}", "calib.SetEpoch(0)"));

    /// <summary>Found by red team 22: a loader declared by a pattern on what a loop over sources picks (<c>source is EpochDataLoader l</c>) makes it a loop over loaders.</summary>
    [Fact]
    public Task ALoopOverSourcesPickingTheLoaderWithAPattern() => V.AnalyzerAsync(Train(
        "var sources = new List<IEnumerable<Dictionary<string, Tensor>>> { loader }; for (int epoch = 0; epoch < epochs; epoch++) foreach (var source in sources) { if (source is not EpochDataLoader l) continue; l.SetEpoch(epoch); foreach (var b in l) { } }"));

    /// <summary>Found by red team 22: an index loop over stages whose index is declared before it (<c>int i; for (i = 0; …; i++)</c>) still picks a loader per pass.</summary>
    [Fact]
    public Task ALoopOverStagesWithTheIndexDeclaredBeforeIt() => V.AnalyzerAsync(Train(
        "var stages = new List<EpochDataLoader> { loader }; for (int epoch = 0; epoch < epochs; epoch++) { int i; for (i = 0; i < stages.Count; i++) { var stage = stages[i]; stage.SetEpoch(epoch); foreach (var b in stage) { } } }"));

    /// <summary>Found by red team 23: a local function over its loader parameter, called in a loop over loaders, does not make that loop the epoch loop.</summary>
    [Fact]
    public Task ALocalFunctionOverEachLoaderOfALoopOverLoaders() => V.AnalyzerAsync(Train(
        "var other = loader; void TrainOn(EpochDataLoader l) { foreach (var b in l) { } } for (int epoch = 0; epoch < epochs; epoch++) { foreach (var l in new[] { loader, other }) { l.SetEpoch(epoch); TrainOn(l); } }"));
    /// <summary>
    /// Held-out round Legacy named it: a readonly field is written only by constructors, so a setter given one inside the
    /// epoch loop gets the same epoch on every pass (<c>m_shard.SetEpoch(m_nStartEpoch)</c>), also a static one.
    /// </summary>
    [Theory]
    [InlineData("m_nStartEpoch")]
    [InlineData("this.m_nStartEpoch")]
    [InlineData("s_nFirstEpoch + m_nStartEpoch")]
    public Task AReadonlyField(string epoch) => V.AnalyzerAsync($$"""
        class Trainer(EpochDataLoader loader, DistributedSampler shard, int start)
        {
            private readonly int m_nStartEpoch = start;
            private static readonly int s_nFirstEpoch = 1;
            public void Fit(int epochs)
            {
                for (int epoch = m_nStartEpoch; epoch < epochs; epoch++) { {|#0:shard.SetEpoch({{epoch}})|}; foreach (var b in loader) { } }
            }
        }
        """, V.Diagnostic().WithLocation(0).WithArguments(epoch));

    /// <summary>Not a field that is not readonly, nor a readonly field of an object the loop picks.</summary>
    [Theory]
    [InlineData("m_nNextEpoch")]
    [InlineData("stages[epoch % 2].StartEpoch")]
    public Task AFieldThatMayChange(string epoch) => V.AnalyzerAsync($$"""
        class Stage(int start) { public readonly int StartEpoch = start; }
        class Trainer(EpochDataLoader loader, DistributedSampler shard, Stage[] stages)
        {
            private int m_nNextEpoch;
            public void Fit(int epochs)
            {
                for (int epoch = 0; epoch < epochs; epoch++) { shard.SetEpoch({{epoch}}); foreach (var b in loader) { } Advance(); }
            }
            private void Advance() => m_nNextEpoch++;
        }
        """);

    /// <summary>Red team 27: a <c>??</c> over values fixed across the loop is as fixed as they are, as an operator's operands are.</summary>
    [Theory]
    [InlineData("resume ?? 0", true)]
    [InlineData("resume ?? epoch", false)]
    [InlineData("start switch { 0 => 0, _ => start }", true)]
    [InlineData("start switch { 0 => epoch, _ => start + epoch }", false)]
    public Task ACoalesceOfFixedValues(string epoch, bool flagged)
    {
        var setter = $"loader.SetEpoch({epoch})";
        return V.AnalyzerAsync(Train($"int? resume = start > 0 ? start : null; for (int epoch = 0; epoch < epochs; epoch++) {{ {(flagged ? "{|#0:" + setter + "|}" : setter)}; foreach (var b in loader) {{ }} }}"),
            flagged ? [V.Diagnostic().WithLocation(0).WithArguments(epoch)] : []);
    }

    /// <summary>
    /// Red team 27: a stored lambda or a local function handed to code not in view gets its epoch from whoever calls it, so its
    /// setter is not judged (delegates are not); called in the loop with a constant, it still runs with that constant.
    /// </summary>
    [Theory]
    [InlineData("Action<int> reshuffle = e => SETTER; for (int epoch = 0; epoch < epochs; epoch++) { hooks.Add(reshuffle); foreach (var b in loader) { } }", false)]
    [InlineData("void Reshuffle(int e) => SETTER; for (int epoch = 0; epoch < epochs; epoch++) { hooks.Add(Reshuffle); foreach (var b in loader) { } }", false)]
    [InlineData("Action<int> reshuffle = e => SETTER; hooks.Add(reshuffle); for (int epoch = 0; epoch < epochs; epoch++) { reshuffle(0); foreach (var b in loader) { } }", true)]
    public Task ADelegateHandedOn(string body, bool flagged)
    {
        var setter = "Epochs.SetEpoch(loader, e)";
        return V.AnalyzerAsync(Train("var hooks = new List<Action<int>>(); " + body.Replace("SETTER", flagged ? "{|#0:" + setter + "|}" : setter)),
            flagged ? [V.Diagnostic().WithLocation(0).WithArguments("e")] : []);
    }
}
