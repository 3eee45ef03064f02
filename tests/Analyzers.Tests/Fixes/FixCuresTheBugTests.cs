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
/// The CMP001 fix fixes the bug, not only the warning: a buggy loop compiled in memory against the real
/// runtime replays epoch 0; after the real code fix, compiled and run again, the epochs differ reproducibly.
/// </summary>
public class FixCuresTheBugTests
{
    private const string Buggy = """
        using System.Collections.Generic;
        using System.Linq;
        using Composer.Data;
        using TorchSharp;
        using static TorchSharp.torch;

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
        """;

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

    [Fact]
    public async Task TheFixedLoopReshufflesEveryEpoch()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Training", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(References());
        var document = project.AddDocument("Training.cs", SourceText.From(Buggy));

        var before = CompileAndRun(document);
        Assert.Equal(before[0], before[1]); // the bug: epoch 1 replays epoch 0
        Assert.Equal(before[1], before[2]);

        // The real analyzer finds it; the real fix rewrites it.
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers([new EpochAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new CMP001SetEpochOnSamplerOnlyFixer().RegisterCodeFixesAsync(context);
        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var fixedSolution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedDocument = fixedSolution.GetDocument(document.Id)!;
        Assert.Contains("loader.SetEpoch(epoch);", (await fixedDocument.GetTextAsync()).ToString());

        var after = CompileAndRun(fixedDocument);
        Assert.Equal(3, after.Distinct().Count()); // every epoch its own order
        Assert.Equal(before[0], after[0]);         // epoch 0 is what it was
        Assert.Equal(after, CompileAndRun(fixedDocument)); // and reproducible
    }
}
