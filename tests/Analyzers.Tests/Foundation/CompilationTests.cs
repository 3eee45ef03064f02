using Composer.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Composer.Analyzers.Tests.Foundation;

public class CompilationTests
{
    [Fact]
    public async Task ATrainingSnippetCompilesAgainstTorchSharpWithOfflineReferenceAssemblies()
    {
        var test = new CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
        {
            TestCode = """
                using TorchSharp;
                using static TorchSharp.torch;

                class Program
                {
                    static void Main()
                    {
                        var data = torch.rand(8, 4);
                        var loader = new TorchSharp.Modules.DataLoader(new TensorDataset(data), batchSize: 2, shuffle: true);
                        foreach (var batch in loader) { }
                    }

                    sealed class TensorDataset(Tensor data) : torch.utils.data.Dataset
                    {
                        public override long Count => data.shape[0];
                        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["data"] = data[index] };
                    }
                }
                """,
            ReferenceAssemblies = TestReferences.Net80,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        test.TestState.Sources.Add(("Usings.cs", "global using System.Collections.Generic;"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ACompileErrorIsReported()
    {
        var test = new CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { void M() { {|CS0103:undefined|}(); } }",
            ReferenceAssemblies = TestReferences.Net80,
        };
        await test.RunAsync();
    }
}
