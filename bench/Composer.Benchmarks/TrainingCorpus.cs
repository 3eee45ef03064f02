using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Composer.Benchmarks;

/// <summary>
/// A generated project that looks like training code: half the files build loaders and run epoch
/// loops (some right, some with the mistakes the rules find), half are plain model and math code.
/// </summary>
public static class TrainingCorpus
{
    public static IReadOnlyList<string> Files(int count)
    {
        var files = new List<string>(count);
        for (int i = 0; i < count; i++)
            files.Add(i % 2 == 0 ? WithLoaders(i) : WithoutLoaders(i));
        return files;
    }

    /// <summary>Writes the corpus as source files into <paramref name="folder"/> (for a real dotnet build).</summary>
    public static int Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var files = Files(count);
        for (int i = 0; i < files.Count; i++) File.WriteAllText(Path.Combine(folder, $"File{i}.cs"), files[i]);
        return 0;
    }

    public static CSharpCompilation Compile(IEnumerable<string> files) =>
        CSharpCompilation.Create(
            "TrainingCorpus",
            files.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"File{i}.cs")),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static IEnumerable<MetadataReference> References()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        foreach (var path in trusted.Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll"))
            yield return MetadataReference.CreateFromFile(path);
        yield return MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location);
        yield return MetadataReference.CreateFromFile(typeof(Composer.Data.Epochs).Assembly.Location);
    }

    private static string WithLoaders(int i) => (i % 8) switch
    {
        0 => $$"""
            using Composer.Data;
            using TorchSharp;
            namespace Corpus{{i}};
            public static class Train{{i}}
            {
                public static void Run(InMemoryDataset data, int epochs)
                {
                    var sampler = new DistributedSampler(data.Count, numReplicas: 2, rank: 0);
                    using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(sampler, 32));
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch);
                        foreach (var batch in loader) { var x = batch["data"]; }
                    }
                }
            }
            """,
        2 => $$"""
            using Composer.Data;
            namespace Corpus{{i}};
            public static class Train{{i}}
            {
                public static void Run(InMemoryDataset data, int epochs)
                {
                    using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: {{i}});
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        loader.SetEpoch(epoch);
                        foreach (var batch in loader) { var y = batch["label"]; }
                    }
                }
            }
            """,
        4 => $$"""
            using Composer.Data;
            namespace Corpus{{i}};
            public static class Train{{i}}
            {
                public static void Run(InMemoryDataset data, long[] labels, int epochs)
                {
                    using var loader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 4, 8));
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        foreach (var batch in loader) { }
                    }
                }
            }
            """,
        _ => $$"""
            using Composer.Data;
            using TorchSharp;
            namespace Corpus{{i}};
            public static class Train{{i}}
            {
                public static void Run(torch.utils.data.Dataset data, int epochs)
                {
                    using var loader = new TorchSharp.Modules.DataLoader(data, 32, shuffle: true, seed: 1);
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        Epochs.SetEpoch(loader, epoch);
                        foreach (var batch in loader) { }
                    }
                }
            }
            """,
    };

    private static string WithoutLoaders(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        namespace Corpus{{i}};
        public sealed class Layer{{i}}
        {
            readonly double[] _weights = new double[{{16 + i % 32}}];
            public double Forward(IReadOnlyList<double> input)
            {
                double sum = 0;
                for (int j = 0; j < _weights.Length && j < input.Count; j++) sum += _weights[j] * input[j];
                return Math.Tanh(sum);
            }
            public IEnumerable<double> Batch(IEnumerable<IReadOnlyList<double>> inputs)
            {
                foreach (var input in inputs) yield return Forward(input);
            }
            public double Mean(int epochs)
            {
                double total = 0;
                for (int epoch = 0; epoch < epochs; epoch++) total += Batch(new[] { new double[] { epoch } }).Sum();
                return total / Math.Max(1, epochs);
            }
        }
        """;
}
