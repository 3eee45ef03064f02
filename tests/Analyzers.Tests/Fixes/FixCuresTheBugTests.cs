using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Composer.Analyzers.CodeFixes.Rules;
using Composer.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Composer.Analyzers.Tests.Fixes;

/// <summary>
/// The fixes fix the bug, not only the warning: a buggy loop compiled in memory against the real runtime and TorchSharp
/// replays epoch 0; after the real code fix, compiled and run again, the epochs differ reproducibly. A fix that
/// compiles and removes its diagnostic but sets nothing (as one calling <c>Epochs.SetEpoch</c> on a loader whose epoch
/// method has a name of the user's did) fails here.
/// </summary>
public class FixCuresTheBugTests
{
    private const string Usings = """
        using System.Collections;
        using System.Collections.Generic;
        using System.Linq;
        using Composer.Data;
        using TorchSharp;
        using static TorchSharp.torch;

        """;

    // Each program's Training.FirstBatchPerEpoch() returns the first batch of each of three epochs.
    private static readonly Dictionary<string, (string Source, string? EditorConfig, CodeFixProvider Fixer, string Expected)> Bugs = new()
    {
        // Composer's bug: the sampler set, the batch sampler not.
        ["CMP001"] = (Usings + """
            public static class Training
            {
                public static List<string> FirstBatchPerEpoch()
                {
                    using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = arange(40, dtype: ScalarType.Float32) });
                    var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(40, 2, 0, seed: 11), 5));
                    var orders = new List<string>();
                    for (int epoch = 0; epoch < 3; epoch++)
                    {
                        if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
                        foreach (var batch in loader)
                        {
                            orders.Add(string.Join(",", batch["data"].data<float>().ToArray()));
                            break;
                        }
                    }
                    return orders;
                }
            }
            """, null, new CMP001SetEpochOnSamplerOnlyFixer(), "loader.SetEpoch(epoch);"),
        // A shuffling loader whose epoch is never set.
        ["CMP002"] = (Usings + """
            public static class Training
            {
                public static List<string> FirstBatchPerEpoch()
                {
                    using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = arange(40, dtype: ScalarType.Float32) });
                    var loader = new EpochDataLoader(data, batchSize: 5, shuffle: true, seed: 3);
                    loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Ignore; // the bug runs silently, as it did before the guard
                    var orders = new List<string>();
                    for (int epoch = 0; epoch < 3; epoch++)
                    {
                        foreach (var batch in loader)
                        {
                            orders.Add(string.Join(",", batch["data"].data<float>().ToArray()));
                            break;
                        }
                    }
                    return orders;
                }
            }
            """, null, new CMP002EpochNeverSetFixer(), "Epochs.SetEpoch(loader, epoch);"),
        // An in-house loader named in the options, whose epoch method has a name of its own that Epochs.SetEpoch cannot call.
        ["CMP002, own setter"] = (Usings + """
            public sealed class ShardFeeder(DistributedSampler order) : IEnumerable<long>
            {
                public void StartEpoch(int epoch) => order.SetEpoch(epoch);
                public IEnumerator<long> GetEnumerator() => order.GetEnumerator();
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            public static class Training
            {
                public static List<string> FirstBatchPerEpoch()
                {
                    var feeder = new ShardFeeder(new DistributedSampler(40, 2, 0, seed: 5));
                    var orders = new List<string>();
                    for (int epoch = 0; epoch < 3; epoch++)
                    {
                        var first = new List<long>();
                        foreach (var index in feeder)
                        {
                            first.Add(index);
                            if (first.Count == 5) break;
                        }
                        orders.Add(string.Join(",", first));
                    }
                    return orders;
                }
            }
            """, "composer_analyzers.loader_types = ShardFeeder\ncomposer_analyzers.epoch_setters = StartEpoch", new CMP002EpochNeverSetFixer(), "feeder.StartEpoch(epoch);"),
        // TorchSharp's DataLoader reseeding from a fixed seed at every enumeration.
        ["CMP003"] = (Usings + """
            public static class Training
            {
                public static List<string> FirstBatchPerEpoch()
                {
                    using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = arange(40, dtype: ScalarType.Float32) });
                    using var loader = new TorchSharp.Modules.DataLoader(data, 5, shuffle: true, seed: 7);
                    var orders = new List<string>();
                    for (int epoch = 0; epoch < 3; epoch++)
                    {
                        foreach (var batch in loader)
                        {
                            orders.Add(string.Join(",", batch["data"].data<float>().ToArray()));
                            break;
                        }
                    }
                    return orders;
                }
            }
            """, null, new CMP003FixedSeedShuffleFixer(), "Epochs.SetEpoch(loader, epoch);"),
    };

    public static TheoryData<string> Cases() => [.. Bugs.Keys];

    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "netstandard.dll")
            .Append(typeof(TorchSharp.torch).Assembly.Location)
            .Append(typeof(Composer.Data.Epochs).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));

    private static List<string> CompileAndRun(Document document)
    {
        var compilation = document.Project.GetCompilationAsync().Result!;
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        // Collectible, and resolving the runtime and TorchSharp from the default context (same native library).
        var context = new AssemblyLoadContext("training", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var method = assembly.GetType("Training")!.GetMethod("FirstBatchPerEpoch", BindingFlags.Public | BindingFlags.Static)!;
            return (List<string>)method.Invoke(null, null)!;
        }
        finally { context.Unload(); }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheFixedLoopReshufflesEveryEpoch(string bug)
    {
        var (source, editorConfig, fixer, expected) = Bugs[bug];
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Training", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithMetadataReferences(References());
        var document = project.AddDocument("Training.cs", SourceText.From(source), filePath: "/training/Training.cs");
        if (editorConfig is not null)
            document = document.Project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From($"root = true\n[*.cs]\n{editorConfig}\n"), filePath: "/training/.editorconfig")
                .Project.GetDocument(document.Id)!;

        var before = CompileAndRun(document);
        Assert.Equal(before[0], before[1]); // the bug: epoch 1 replays epoch 0
        Assert.Equal(before[1], before[2]);

        // The real analyzer finds it; the real fix rewrites it.
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers([new EpochAnalyzer()], document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => bug.StartsWith(d.Id, StringComparison.Ordinal));
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var fixedSolution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedDocument = fixedSolution.GetDocument(document.Id)!;
        Assert.Contains(expected, (await fixedDocument.GetTextAsync()).ToString());

        var after = CompileAndRun(fixedDocument);
        Assert.Equal(3, after.Distinct().Count()); // every epoch its own order
        Assert.Equal(after, CompileAndRun(fixedDocument)); // and reproducible
    }
}
