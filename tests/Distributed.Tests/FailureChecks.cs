using System.Diagnostics;

namespace Composer.Distributed.Tests;

/// <summary>
/// A job whose rank dies or throws ends with an error in bounded time; the others never hang. Run outside
/// mpirun: each check starts a real two-process job of this program in a failure mode.
/// </summary>
static class FailureChecks
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static IEnumerable<(string, Action)> All() =>
    [
        ("AJobWhoseRankThrowsEndsWithAnErrorInBoundedTime", () => Job("--throw-on-rank", "aborting the MPI job")),
        ("AJobWhoseRankIsKilledEndsWithAnErrorInBoundedTime", () => Job("--kill-rank", null)),
    ];

    static void Job(string mode, string? expectedMessage)
    {
        var start = new ProcessStartInfo("mpirun") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--allow-run-as-root", "--oversubscribe", "-np", "2", "dotnet", typeof(FailureChecks).Assembly.Location, mode, "1" })
            start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var job = Process.Start(start)!;
        var output = job.StandardOutput.ReadToEndAsync();
        var error = job.StandardError.ReadToEndAsync();
        bool ended = job.WaitForExit(Bound);
        if (!ended) job.Kill(entireProcessTree: true);
        Assert.True(ended, $"the job with {mode} 1 was still running after {Bound.TotalSeconds} s: a rank hangs");
        string text = output.Result + error.Result;
        Assert.True(job.ExitCode != 0, $"the job with {mode} 1 exited 0:\n{text}");
        if (expectedMessage is not null) Assert.True(text.Contains(expectedMessage), $"expected '{expectedMessage}' in:\n{text}");
        Console.WriteLine($"  {mode}: job ended with exit code {job.ExitCode} after {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The failing side of a job: the given rank fails while the others wait in a collective.</summary>
    public static void FailAs(string mode, int failingRank)
    {
        Dist.Initialize();
        Dist.Barrier();
        if (Dist.Rank == failingRank)
        {
            if (mode == "--kill-rank") Process.GetCurrentProcess().Kill();
            throw new InvalidOperationException($"rank {failingRank} fails on purpose");
        }
        using var t = TorchSharp.torch.ones(4);
        Dist.AllReduce(t); // would wait forever for the failed rank
        Thread.Sleep(Bound * 2);
    }
}
