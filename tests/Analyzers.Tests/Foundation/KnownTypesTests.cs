using Composer.Analyzers.Model;
using Composer.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Composer.Analyzers.Tests.Foundation;

/// <summary>Which compilations the analyzer runs on: those that are, or reference, Composer.Runtime or TorchSharp.</summary>
public class KnownTypesTests
{
    private static readonly MetadataReference Object = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);

    private static CSharpCompilation Compilation(string name, params MetadataReference[] references) =>
        CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText("class C { }")], [Object, .. references]);

    [Fact]
    public void ReferencedFilesCount() =>
        Assert.NotNull(KnownTypes.Create(Compilation("User", [.. TestReferences.Libraries])));

    [Fact]
    public void OnlyTheRuntimeCounts() =>
        Assert.NotNull(KnownTypes.Create(Compilation("User", TestReferences.Libraries[1])));

    [Fact]
    public void NeitherReferencedMeansNothingToDo() =>
        Assert.Null(KnownTypes.Create(Compilation("User")));

    [Fact]
    public void TheLibrariesThemselvesCount()
    {
        Assert.NotNull(KnownTypes.Create(Compilation("TorchSharp")));
        Assert.NotNull(KnownTypes.Create(Compilation("Composer.Runtime")));
    }

    [Fact]
    public void AProjectReferenceCountsByItsAssemblyName()
    {
        // In the IDE a referenced project is a compilation, not a file.
        var runtime = Compilation("Composer.Runtime").ToMetadataReference();
        Assert.NotNull(KnownTypes.Create(Compilation("User", runtime)));
        Assert.Null(KnownTypes.Create(Compilation("User", Compilation("Composer.Runtime.Extras").ToMetadataReference())));
    }

    [Fact]
    public void AReferenceWithoutAFileIsAskedForItsAssemblyName()
    {
        // An image in memory has no file name to read: the analyzer binds the references to learn their names.
        var torch = MetadataReference.CreateFromImage(File.ReadAllBytes(typeof(TorchSharp.torch).Assembly.Location));
        Assert.NotNull(KnownTypes.Create(Compilation("User", torch)));
        Assert.Null(KnownTypes.Create(Compilation("User", MetadataReference.CreateFromImage(File.ReadAllBytes(typeof(Xunit.Assert).Assembly.Location)))));
    }
}
