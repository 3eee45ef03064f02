using System.Text.RegularExpressions;
using Composer.Analyzers.Tests.Infrastructure;

namespace Composer.Analyzers.Tests.Samples;

/// <summary>
/// samples/BuggyLoop through the real tools: <c>dotnet build</c> reports each rule on the line marked for it,
/// and <c>dotnet format analyzers</c> fixes every loop so that the program's epochs really differ.
/// </summary>
public class BuggyLoopTests
{
    private static readonly string Sample = Path.Combine(Repository.Root, "samples", "BuggyLoop");
    private static readonly string[] Rules = ["CMP001", "CMP002", "CMP003", "CMP004", "CMP005"];

    /// <summary>(rule, line) for every line of Program.cs marked "// CMP00x".</summary>
    private static HashSet<(string, int)> MarkedLines(string file) =>
        File.ReadAllLines(file).Select((text, i) => (Match: Regex.Match(text, @"// (CMP\d{3})\s*$"), Line: i + 1))
            .Where(x => x.Match.Success).Select(x => (x.Match.Groups[1].Value, x.Line)).ToHashSet();

    private static HashSet<(string, int)> ReportedLines(string output, string file, string severity = "warning") =>
        Regex.Matches(output, $@"{Regex.Escape(Path.GetFileName(file))}\((\d+),\d+\): {severity} (CMP\d{{3}})")
            .Select(m => (m.Groups[2].Value, int.Parse(m.Groups[1].Value))).ToHashSet();

    [Fact]
    public void BuildReportsEachRuleOnItsLine()
    {
        var (exit, output) = Repository.Dotnet(Sample, "build", "-nologo", "--no-incremental");
        Assert.True(exit == 0, output);
        string program = Path.Combine(Sample, "Program.cs");
        var expected = MarkedLines(program);
        Assert.Equal(Rules.ToHashSet(), expected.Select(e => e.Item1).ToHashSet());
        Assert.Equal(expected, ReportedLines(output, program));
        Assert.Contains("docs/rules/CMP001.md", output); // the help link travels with the warning
    }

    [Fact]
    public void ConflictingArgumentsAreABuildError()
    {
        var (exit, output) = Repository.Dotnet(Sample, "build", "-nologo", "-p:IncludeCmp006=true", "-o", Repository.ScratchFolder("cmp006"));
        Assert.NotEqual(0, exit);
        string file = Path.Combine(Sample, "ConflictingArguments.cs");
        Assert.Equal(MarkedLines(file), ReportedLines(output, file, "error"));
    }

    [Fact]
    public void DotnetFormatFixesEveryLoopAndTheEpochsDiffer()
    {
        // A copy under artifacts/ keeps the repository's build settings; it takes the analyzers and fixes
        // as analyzer assemblies, as a package would give them.
        string copy = Repository.ScratchFolder("format");
        File.Copy(Path.Combine(Sample, "Program.cs"), Path.Combine(copy, "Program.cs"));
        string bin = AppContext.BaseDirectory;
        File.WriteAllText(Path.Combine(copy, "BuggyLoop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TorchSharp-cpu" />
                <Reference Include="{Path.Combine(bin, "Composer.Runtime.dll")}" />
                <Analyzer Include="{Path.Combine(bin, "Composer.Analyzers.dll")}" />
                <Analyzer Include="{Path.Combine(bin, "Composer.Analyzers.CodeFixes.dll")}" />
              </ItemGroup>
            </Project>
            """);

        var format = Repository.Dotnet(copy, ["format", "analyzers", "BuggyLoop.csproj", "--diagnostics", .. Rules, "--severity", "warn"]);
        Assert.True(format.ExitCode == 0, format.Output);

        var build = Repository.Dotnet(copy, "build", "-nologo");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotMatch(@"warning CMP\d{3}", build.Output);

        var run = Repository.Dotnet(copy, "bin/Debug/net10.0/BuggyLoop.dll");
        Assert.True(run.ExitCode == 0, run.Output);
        var epochs = run.Output.Split('\n').Select(l => Regex.Match(l, @"^(.+?)\s+epoch (\d): (.+)$")).Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(5, epochs.Count);
        Assert.All(epochs, loop => Assert.NotEqual(loop.First().Groups[3].Value, loop.Last().Groups[3].Value));
        Directory.Delete(copy, recursive: true); // a passing run leaves no gigabyte of TorchSharp natives behind
    }
}
