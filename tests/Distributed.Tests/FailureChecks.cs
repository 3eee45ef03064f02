using System.Diagnostics;

namespace Composer.Distributed.Tests;

/// <summary>
/// A job whose rank fails in any way ends within seconds, with the reason on standard error; a job whose
/// ranks merely finish at different times still succeeds. Run outside mpirun: each check starts real
/// <c>mpirun</c> jobs of this program (<see cref="FailureScenarios"/>) with 2, 3 and 4 processes.
/// </summary>
internal static class FailureChecks
{
    /// <summary>Past this, a job counts as hung and is killed.</summary>
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(90);

    /// <summary>The most a job may take to end after its rank failed.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    /// <summary>Which rank fails in a job of each size: the last, the first, a middle one.</summary>
    private static int FailingRank(int ranks) => ranks switch { 2 => 1, 3 => 0, _ => 2 };

    public static IEnumerable<(string, Action)> All()
    {
        foreach (int ranks in new[] { 2, 3, 4 })
        {
            int r = FailingRank(ranks);
            yield return ($"ARankThatThrowsEndsTheJobWithItsMessageAndStackTrace ({ranks} ranks)", () =>
                Failed("throw", ranks, $"rank {r} fails on purpose", "at Composer.Distributed.Tests.FailureScenarios"));
            yield return ($"AKilledRankEndsTheJob ({ranks} ranks)", () =>
                Failed("kill", ranks, "signal 9"));
            yield return ($"ARankThatCallsEnvironmentExitEndsTheJobWithTheReason ({ranks} ranks)", () =>
                Failed("exit", ranks, $"rank {r} is leaving the job (exit code 3)", "waits in AllReduce"));
            yield return ($"ARankThatReturnsFromMainEarlyEndsTheJobWithTheReason ({ranks} ranks)", () =>
                Failed("return", ranks, $"rank {r} is leaving the job (exit code 0)", "waits in AllReduce"));
            yield return ($"TrainingOnUnequalDataFailsBeforeTheFirstStepNamingEveryRanksBatches ({ranks} ranks)", () =>
                Failed("unequal-data", ranks, "different number of batches per epoch", $"rank {r}: 39", $"rank {(r + 1) % ranks}: 40"));
            yield return ($"AHandWrittenLoopOnUnequalDataEndsTheJobWithTheReason ({ranks} ranks)", () =>
                Failed("unequal-data-loop", ranks, $"rank {r} is leaving the job (exit code 0)", "waits in AllReduce"));
            yield return ($"ARankThatReturnsBeforeItJoinsEndsTheJobWithTheReason ({ranks} ranks)", () =>
                Failed("return-before-start", ranks, $"rank {r} is leaving the job (exit code 0) after 0 collective(s)", "which rank"));
            yield return ($"ARankThatThrowsBeforeItJoinsEndsTheJobWithItsStackTrace ({ranks} ranks)", () =>
                Failed("throw-before-start", ranks, $"rank {r} finds no data", "at Composer.Distributed.Tests.FailureScenarios"));
            yield return ($"ARankThatFinishesSecondsLaterStillEndsTheJobWell ({ranks} ranks)", () => SlowRankSucceeds(ranks));
        }

        // Across machines there is no shared memory: peers' states are read through messages that their progress serves.
        yield return ("ARankThatCallsEnvironmentExitEndsTheJobWithTheReasonWithOneSidedMpiOverMessages (3 ranks)", () =>
            Failed("exit", 3, OverMessages, $"rank {FailingRank(3)} is leaving the job (exit code 3)", "waits in AllReduce"));
        yield return ("ARankThatFinishesSecondsLaterStillEndsTheJobWellWithOneSidedMpiOverMessages (3 ranks)", () => SlowRankSucceeds(3, OverMessages));
    }

    /// <summary>Open MPI's one-sided communication over point-to-point messages, as between machines without RDMA.</summary>
    private static readonly (string, string) OverMessages = ("OMPI_MCA_osc", "pt2pt");

    /// <summary>Runs a failing job; it must end with an error within <see cref="Within"/> of the failure, every expected text on standard error.</summary>
    private static void Failed(string scenario, int ranks, params string[] expected) => Failed(scenario, ranks, null, expected);

    private static void Failed(string scenario, int ranks, (string Name, string Value)? environment, params string[] expected)
    {
        var job = Run(scenario, ranks, environment);
        Assert.True(job.ExitCode != 0, $"the {scenario} job exited 0:\n{job.Output}");
        Assert.True(job.AfterFailure <= Within, $"the {scenario} job took {job.AfterFailure.TotalSeconds:F1} s to end after the failure (at most {Within.TotalSeconds} s):\n{job.Output}");
        foreach (string text in expected)
            Assert.True(job.Error.Contains(text), $"expected '{text}' on standard error of the {scenario} job:\n{job.Output}");
    }

    private static void SlowRankSucceeds(int ranks, (string Name, string Value)? environment = null)
    {
        var job = Run("slow-exit", ranks, environment);
        Assert.Equal(0, job.ExitCode, $"exit code of a job whose rank {FailingRank(ranks)} ends 3 s after the others:\n{job.Output}");
        Assert.True(job.AfterFailure >= TimeSpan.FromSeconds(3), $"the job ended {job.AfterFailure.TotalSeconds:F1} s after the slow rank's last step, before it was done");
        Assert.True(!job.Error.Contains("Abort", StringComparison.OrdinalIgnoreCase), $"the job was aborted:\n{job.Output}");
    }

    private sealed record Job(int ExitCode, string Output, string Error, TimeSpan AfterFailure);

    private static Job Run(string scenario, int ranks, (string Name, string Value)? environment)
    {
        int failingRank = FailingRank(ranks);
        var start = new ProcessStartInfo("mpirun") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (environment is var (name, value)) start.Environment[name] = value; // mpirun passes OMPI_* variables to every rank
        foreach (var a in new[] { "--allow-run-as-root", "--oversubscribe", "-np", ranks.ToString(), "dotnet", typeof(FailureChecks).Assembly.Location, "--scenario", scenario, failingRank.ToString() })
            start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var job = Process.Start(start)!;
        var output = job.StandardOutput.ReadToEndAsync();
        var error = job.StandardError.ReadToEndAsync();
        bool ended = job.WaitForExit(Hung);
        long endedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (!ended) job.Kill(entireProcessTree: true);
        job.WaitForExit();
        string text = $"--- stdout\n{output.Result}--- stderr\n{error.Result}";
        Assert.True(ended, $"the {scenario} job with {ranks} ranks was still running after {Hung.TotalSeconds} s: it hangs\n{text}");

        // The line may start with a terminal escape sequence that .NET writes at startup.
        var marker = output.Result.Split('\n').FirstOrDefault(l => l.Contains(FailureScenarios.Marker));
        Assert.True(marker is not null, $"the failing rank of the {scenario} job never reached its failure:\n{text}");
        var afterFailure = TimeSpan.FromMilliseconds(endedAt - long.Parse(marker![(marker.IndexOf(FailureScenarios.Marker) + FailureScenarios.Marker.Length)..].Trim()));
        Console.WriteLine($"  {scenario}, {ranks} ranks: exit code {job.ExitCode}, {afterFailure.TotalSeconds:F2} s after the failure, {clock.Elapsed.TotalSeconds:F1} s in all");
        return new Job(job.ExitCode, text, error.Result, afterFailure);
    }
}
