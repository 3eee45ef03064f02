using System.Diagnostics;
using Composer.Data;

namespace Composer.Distributed.Tests;

/// <summary>
/// A checkpoint taken mid-epoch by an N-rank job resumes on M ranks: the interrupted epoch's samples (batches, for
/// P × K) are each consumed once across both jobs apart from padding, the next epoch is the ordinary M-rank one,
/// and the weights continue. The same holds for a job interrupted twice in one epoch (N, then M, then L ranks), where
/// the second checkpoint is taken inside an epoch that was itself resumed. Run outside mpirun: each check starts the
/// jobs of <see cref="ElasticScenario"/> one after another.
/// </summary>
internal static class ElasticChecks
{
    public static IEnumerable<(string, Action)> All() =>
    [
        .. new[] { (2, 1), (1, 2), (2, 3) }.Select(t => ($"AnInterruptedEpochResumesOnAnotherNumberOfRanksEachSampleOnce ({t.Item1} → {t.Item2} ranks)", (Action)(() => Check([t.Item1, t.Item2])))),
        ("AnEpochInterruptedTwiceResumesEachSampleOnce (2 → 3 → 3 ranks)", () => Check([2, 3, 3])),
    ];

    private static string[] Phases(int jobs) => jobs == 2 ? ["save", "resume"] : ["save", "resave", "resume"];

    private static void Check(int[] ranks)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"composer-elastic-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var (phase, n) in Phases(ranks.Length).Zip(ranks))
                Job(n, phase, folder);
            CheckDistributed(ranks, folder);
            CheckClassBalanced(ranks, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How many batches of epoch 1 each job before the last trains, per rank.</summary>
    private static int BatchesOfEpoch1(string phase) => phase == "save" ? ElasticScenario.SaveAtBatch : ElasticScenario.ResaveBatches;

    private static void CheckDistributed(int[] ranks, string folder)
    {
        string chain = string.Join(" → ", ranks);
        var phases = Read("distributed", ranks, folder);
        var earlier = new List<long>();
        for (int j = 0; j < ranks.Length; j++)
        {
            var these = phases[j].SelectMany(r => r.Where(b => b.Epoch == 1)).SelectMany(b => b.Indices).ToList();
            if (j < ranks.Length - 1)
                Assert.Equal(ranks[j] * BatchesOfEpoch1(Phases(ranks.Length)[j]) * ElasticScenario.BatchSize, these.Count, $"{chain}: samples of epoch 1 trained on by job {j + 1}");
            Assert.True(!these.Intersect(earlier).Any(), $"{chain}: samples trained on before interruption {j} came again");
            earlier.AddRange(these);
        }

        Assert.SequenceEqual(Enumerable.Range(0, ElasticScenario.Samples).Select(i => (long)i), earlier.Distinct().Order(), $"{chain}: the samples of epoch 1");
        Assert.True(earlier.Count - ElasticScenario.Samples < ranks.Skip(1).Sum(), $"{chain}: {earlier.Count - ElasticScenario.Samples} repeated samples, more than padding");
        int after = ranks[^1];
        for (int r = 0; r < after; r++)
        {
            var sampler = new DistributedSampler(ElasticScenario.Samples, after, r, seed: ElasticScenario.Seed);
            sampler.SetEpoch(2);
            Assert.SequenceEqual(sampler, phases[^1][r].Where(b => b.Epoch == 2).SelectMany(b => b.Indices), $"{chain}: rank {r}'s epoch 2");
        }
    }

    private static void CheckClassBalanced(int[] ranks, string folder)
    {
        string chain = string.Join(" → ", ranks);
        var phases = Read("class-balanced", ranks, folder);
        var global = new ClassBalancedBatchSampler(ElasticScenario.Labels(), ElasticScenario.P, ElasticScenario.K, ElasticScenario.Seed, numReplicas: 1, rank: 0);
        global.SetEpoch(1);
        var sequence = global.Select(b => string.Join(",", b)).ToList();
        var earlier = new List<string>();
        for (int j = 0; j < ranks.Length; j++)
        {
            var these = phases[j].SelectMany(r => r.Where(b => b.Epoch == 1)).Select(b => string.Join(",", b.Indices)).ToList();
            if (j < ranks.Length - 1)
                Assert.Equal(ranks[j] * BatchesOfEpoch1(Phases(ranks.Length)[j]), these.Count, $"{chain}: batches of epoch 1 trained on by job {j + 1}");
            Assert.True(!these.Intersect(earlier).Any(), $"{chain}: batches trained on before interruption {j} came again");
            earlier.AddRange(these);
        }

        Assert.True(sequence.All(earlier.Contains), $"{chain}: a batch of epoch 1's global sequence was never trained on");
        Assert.True(earlier.Count - sequence.Count < ranks.Skip(1).Sum(), $"{chain}: {earlier.Count - sequence.Count} repeated batches, more than padding");
        int after = ranks[^1];
        for (int r = 0; r < after; r++)
        {
            var sampler = new ClassBalancedBatchSampler(ElasticScenario.Labels(), ElasticScenario.P, ElasticScenario.K, ElasticScenario.Seed, numReplicas: after, rank: r);
            sampler.SetEpoch(2);
            Assert.SequenceEqual(sampler.Select(b => string.Join(",", b)), phases[^1][r].Where(b => b.Epoch == 2).Select(b => string.Join(",", b.Indices)), $"{chain}: rank {r}'s epoch 2");
        }
    }

    private sealed record Batch(int Epoch, long[] Indices);

    /// <summary>For each job of the chain, for each of its ranks, the batches it trained on.</summary>
    private static List<List<List<Batch>>> Read(string sampler, int[] ranks, string folder) =>
        Phases(ranks.Length).Zip(ranks, (phase, n) => Enumerable.Range(0, n).Select(r =>
            File.ReadAllLines(Path.Combine(folder, $"{sampler}-{phase}-rank{r}.txt")).Select(line =>
            {
                var parts = line.Split(':');
                return new Batch(int.Parse(parts[0]), parts[1].Split(',').Select(long.Parse).ToArray());
            }).ToList()).ToList()).ToList();

    private static void Job(int ranks, string phase, string folder)
    {
        var start = new ProcessStartInfo("mpirun") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--allow-run-as-root", "--oversubscribe", "-np", ranks.ToString(), "dotnet", typeof(ElasticChecks).Assembly.Location, "--elastic-job", phase, folder })
            start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var job = Process.Start(start)!;
        var output = job.StandardOutput.ReadToEndAsync();
        var error = job.StandardError.ReadToEndAsync();
        bool ended = job.WaitForExit(TimeSpan.FromSeconds(120));
        if (!ended) job.Kill(entireProcessTree: true);
        job.WaitForExit();
        string text = $"--- stdout\n{output.Result}--- stderr\n{error.Result}";
        Assert.True(ended, $"the {phase} job with {ranks} ranks was still running after 120 s\n{text}");
        Assert.Equal(0, job.ExitCode, $"exit code of the {phase} job with {ranks} ranks:\n{text}");
        Console.WriteLine($"  {phase}, {ranks} ranks: {clock.Elapsed.TotalSeconds:F1} s");
    }
}
