using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Composer.Packaging.Tests;

/// <summary>
/// Like a new user: pack both packages into a local feed, <c>dotnet new console</c>, add Composer.Runtime and
/// TorchSharp-cpu, write the CMP001 bug, and go through build, .editorconfig severity, dotnet format and run.
/// </summary>
public sealed class NewUserTests(ITestOutputHelper log) : IDisposable
{
    private static readonly string Root = FindRoot();
    private readonly string _work = Directory.CreateTempSubdirectory("composer-new-user-").FullName;
    // A version of its own per run, so that no package cache can serve an older build.
    private readonly string _version = $"0.1.0-ci.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Composer.Analyzers.sln"))) return dir.FullName;
        throw new InvalidOperationException("No Composer.Analyzers.sln above the test binaries.");
    }

    private (int Exit, string Output) Run(string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException($"{file} {string.Join(" ", arguments)}"); }
        log.WriteLine($"$ {file} {string.Join(" ", arguments)}  → {process.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s");
        return (process.ExitCode, output + error.Result);
    }

    private const string BuggyProgram = """
        using Composer.Data;
        using TorchSharp;
        using static TorchSharp.torch;

        manual_seed(0);
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(64, 4),
            ["label"] = randint(0, 2, 64, dtype: ScalarType.Int64),
            ["index"] = arange(64, dtype: ScalarType.Int64),
        });
        var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(64, 2, 0, seed: 3), 8));
        var model = nn.Linear(4, 2);
        var optimizer = optim.SGD(model.parameters(), 0.1);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
            var order = new List<long>();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                order.AddRange(batch["index"].data<long>().ToArray());
            }
            Console.WriteLine($"epoch {epoch}: {string.Join(",", order)}");
        }
        """;

    [Fact]
    public void AddPackageBuildWarnConfigureFormatAndRun()
    {
        string feed = Path.Combine(_work, "feed"), app = Path.Combine(_work, "app");
        var pack = Run(Root, "bash", "eng/packaging/pack.sh", feed, _version);
        Assert.True(pack.Exit == 0, pack.Output);
        AssertPackageLayout(feed);

        Assert.Equal(0, Run(_work, "dotnet", "new", "console", "-o", app, "--framework", "net10.0").Exit);
        File.WriteAllText(Path.Combine(app, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var add = Run(app, "dotnet", "add", "package", "Composer.Runtime", "--version", _version);
        Assert.True(add.Exit == 0, add.Output);
        add = Run(app, "dotnet", "add", "package", "TorchSharp-cpu", "--version", "0.107.0");
        Assert.True(add.Exit == 0, add.Output);
        File.WriteAllText(Path.Combine(app, "Program.cs"), BuggyProgram);

        // The warning, with its help link, from the analyzers that came with Composer.Runtime: on this platform the
        // precompiled image, which the package's targets put in place of the platform-neutral assembly.
        var build = Run(app, "dotnet", "build", "-nologo", "-v:n");
        Assert.True(build.Exit == 0, build.Output);
        Assert.Matches(@"Program\.cs\(17,\d+\): warning CMP001: 'loader' draws batches from a batch sampler", build.Output);
        Assert.Contains("docs/rules/CMP001.md", build.Output);
        bool precompiled = RuntimeInformation.RuntimeIdentifier == "linux-x64"; // the platforms the package has an image for
        Assert.Equal(precompiled, build.Output.Contains("/precompiled/linux-x64/Composer.Analyzers.dll"));
        Assert.Equal(!precompiled, build.Output.Contains("/analyzers/dotnet/cs/Composer.Analyzers.dll"));
        build = Run(app, "dotnet", "build", "-nologo", "-v:n", "--no-incremental", "-p:ComposerPrecompiledAnalyzers=false");
        Assert.Contains("/analyzers/dotnet/cs/Composer.Analyzers.dll", build.Output);
        Assert.Contains("warning CMP001", build.Output);

        // .editorconfig makes it an error.
        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.CMP001.severity = error\n");
        build = Run(app, "dotnet", "build", "-nologo", "--no-incremental");
        Assert.NotEqual(0, build.Exit);
        Assert.Contains("error CMP001", build.Output);

        // dotnet format applies the package's code fix.
        var format = Run(app, "dotnet", "format", "analyzers", "--diagnostics", "CMP001", "--severity", "warn");
        Assert.True(format.Exit == 0, format.Output);
        Assert.Contains("loader.SetEpoch(epoch);", File.ReadAllText(Path.Combine(app, "Program.cs")));
        build = Run(app, "dotnet", "build", "-nologo", "--no-incremental");
        Assert.True(build.Exit == 0, build.Output);
        Assert.DoesNotContain("CMP001", build.Output);

        // And it trains, with a different order every epoch.
        var run = Run(app, "dotnet", "run", "--no-build");
        Assert.True(run.Exit == 0, run.Output);
        var orders = Regex.Matches(run.Output, @"epoch \d: (.+)").Select(m => m.Groups[1].Value.Trim()).ToList();
        log.WriteLine(run.Output);
        Assert.Equal(3, orders.Count);
        Assert.Equal(3, orders.Distinct().Count());
    }

    /// <summary>Exactly the files each package should hold, and nothing else.</summary>
    private void AssertPackageLayout(string feed)
    {
        string[] Files(string id)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{_version}.nupkg"));
            return zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("package/") && !n.StartsWith("_rels/") && n != "[Content_Types].xml").Order(StringComparer.Ordinal).ToArray();
        }
        Assert.Equal(["Composer.Analyzers.nuspec", "README.md", "analyzers/dotnet/cs/Composer.Analyzers.CodeFixes.dll", "analyzers/dotnet/cs/Composer.Analyzers.dll",
                      "buildTransitive/Composer.Analyzers.targets", "precompiled/linux-x64/Composer.Analyzers.CodeFixes.dll", "precompiled/linux-x64/Composer.Analyzers.dll"],
            Files("Composer.Analyzers"));
        // The platform-neutral assembly is IL only; the precompiled one carries native code (a ReadyToRun header).
        Assert.False(HasNativeCode("analyzers/dotnet/cs/Composer.Analyzers.dll"));
        Assert.True(HasNativeCode("precompiled/linux-x64/Composer.Analyzers.dll"));
        Assert.Equal(["Composer.Runtime.nuspec", "README.md", "buildTransitive/Composer.Runtime.targets", "buildTransitive/WeakenMissingGlibcxx.cs",
                      "lib/net8.0/Composer.Runtime.dll", "lib/net8.0/Composer.Runtime.xml"],
            Files("Composer.Runtime"));
        Assert.True(File.Exists(Path.Combine(feed, $"Composer.Runtime.{_version}.snupkg")), "the symbols package");

        bool HasNativeCode(string entry)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(feed, $"Composer.Analyzers.{_version}.nupkg"));
            using var image = new MemoryStream();
            zip.GetEntry(entry)!.Open().CopyTo(image);
            image.Position = 0;
            using var pe = new PEReader(image);
            return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        }
    }
}
