using System.Diagnostics;

namespace Composer.Analyzers.Tests.Infrastructure;

/// <summary>The repository this test run was built from, and real <c>dotnet</c> processes run in it.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Composer.Analyzers.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Composer.Analyzers.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>A fresh folder under artifacts/ (ignored by git), so the repository's build settings apply to it.</summary>
    public static string ScratchFolder(string name)
    {
        string path = Path.Combine(Root, "artifacts", "test-scratch", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs <c>dotnet</c> with the arguments and returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish in 5 minutes:\n{output}");
        }
        return (process.ExitCode, output + error.Result);
    }
}
