using System.Diagnostics;
using System.Xml.Linq;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Composer.Distributed.Tests;

/// <summary>
/// A small test runner for code that must run as several MPI processes (xunit's test host cannot be
/// launched by mpirun). Every rank runs every check; a check passes only when it passed on all ranks.
/// Rank 0 writes a TRX file that eng/test.sh counts with the other test projects.
/// </summary>
internal static class MpiTestRunner
{
    public static int Run(IReadOnlyList<(string Name, Action Check)> checks, string? trxPath, bool collective)
    {
        var results = new List<(string Name, bool Passed, string Message, TimeSpan Took)>();
        foreach (var (name, check) in checks)
        {
            var clock = Stopwatch.StartNew();
            string message = "";
            bool passed;
            try { check(); passed = true; }
            catch (Exception e) { passed = false; message = $"rank {Dist.Rank}: {e}"; }
            if (collective)
            {
                // Agree on the outcome: a check failed if it failed on any rank.
                using var failures = tensor(passed ? 0L : 1L);
                Dist.AllReduce(failures);
                passed = failures.item<long>() == 0;
                if (!passed && message == "") message = "failed on another rank";
            }
            results.Add((collective ? $"{name} ({Dist.WorldSize} ranks)" : name, passed, message, clock.Elapsed));
            if (Dist.Rank == 0 || !passed)
                Console.WriteLine($"[rank {Dist.Rank}/{Dist.WorldSize}] {(passed ? "passed" : "FAILED")} {name} ({clock.Elapsed.TotalSeconds:F1} s){(passed ? "" : "\n" + message)}");
        }
        int failed = results.Count(r => !r.Passed);
        if (Dist.Rank == 0 && trxPath is not null) WriteTrx(trxPath, results);
        if (Dist.Rank == 0) Console.WriteLine($"{results.Count - failed} passed, {failed} failed ({Dist.WorldSize} process(es))");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>A minimal Visual Studio test results file: enough for eng/test.sh's counts and for a reader.</summary>
    private static void WriteTrx(string path, List<(string Name, bool Passed, string Message, TimeSpan Took)> results)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        int failed = results.Count(r => !r.Passed);
        var document = new XDocument(new XElement(ns + "TestRun",
            new XAttribute("id", Guid.NewGuid()), new XAttribute("name", $"Composer.Distributed.Tests ({Dist.WorldSize} processes)"),
            new XElement(ns + "Results", results.Select(r => new XElement(ns + "UnitTestResult",
                new XAttribute("testName", r.Name), new XAttribute("outcome", r.Passed ? "Passed" : "Failed"),
                new XAttribute("duration", r.Took.ToString("c")),
                new XElement(ns + "Output", new XElement(ns + "StdOut", XmlText(r.Message)))))),
            new XElement(ns + "ResultSummary", new XAttribute("outcome", failed == 0 ? "Completed" : "Failed"),
                new XElement(ns + "Counters",
                    new XAttribute("total", results.Count), new XAttribute("executed", results.Count),
                    new XAttribute("passed", results.Count - failed), new XAttribute("failed", failed)))));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        document.Save(path);
    }

    /// <summary>The text without the control characters XML cannot hold (terminal escapes in a job's captured output).</summary>
    private static string XmlText(string text) => new(text.Where(c => c is '\n' or '\r' or '\t' || !char.IsControl(c)).ToArray());
}
