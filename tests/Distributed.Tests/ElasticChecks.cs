using System.Diagnostics;
using Composer.Data;

namespace Composer.Distributed.Tests;

/// <summary>
/// A checkpoint taken mid-epoch by an N-rank job resumes on M ranks: the interrupted epoch's samples (batches, for
/// P × K) are each consumed once across both jobs apart from padding, the next epoch is the ordinary M-rank one,
/// and the weights continue. Run outside mpirun: each check starts an N-rank and an M-rank job of <see cref="ElasticScenario"/>.
/// </summary>
internal static class ElasticChecks
{
    public static IEnumerable<(string, Action)> All() =>
        new[] { (2, 1), (1, 2), (2, 3) }.Select(t => ($"AnInterruptedEpochResumesOnAnotherNumberOfRanksEachSampleOnce ({t.Item1} → {t.Item2} ranks)", (Action)(() => Check(t.Item1, t.Item2))));

    private static void Check(int before, int after)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"composer-elastic-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            Job(before, "save", folder);
            Job(after, "resume", folder);
            CheckDistributed(before, after, folder);
            CheckClassBalanced(before, after, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CheckDistributed(int before, int after, string folder)
    {
        var (saved, resumed) = Read("distributed", before, after, folder);
        var interrupted = saved.SelectMany(r => r.Where(b => b.Epoch == 1)).SelectMany(b => b.Indices).ToList();
        var rest = resumed.SelectMany(r => r.Where(b => b.Epoch == 1)).SelectMany(b => b.Indices).ToList();
        Assert.Equal(before * ElasticScenario.SaveAtBatch * ElasticScenario.BatchSize, interrupted.Count, "samples of epoch 1 trained on before the interruption");
        Assert.True(!rest.Intersect(interrupted).Any(), $"{before} → {after}: samples trained on before the interruption came again");
        var union = interrupted.Concat(rest).ToList();
        Assert.SequenceEqual(Enumerable.Range(0, ElasticScenario.Samples).Select(i => (long)i), union.Distinct().Order(), $"{before} → {after}: the samples of epoch 1");
        Assert.True(union.Count - ElasticScenario.Samples < after, $"{before} → {after}: {union.Count - ElasticScenario.Samples} repeated samples, more than padding");
        for (int r = 0; r < after; r++)
        {
            var sampler = new DistributedSampler(ElasticScenario.Samples, after, r, seed: ElasticScenario.Seed);
            sampler.SetEpoch(2);
            Assert.SequenceEqual(sampler, resumed[r].Where(b => b.Epoch == 2).SelectMany(b => b.Indices), $"{before} → {after}: rank {r}'s epoch 2");
        }
    }

    private static void CheckClassBalanced(int before, int after, string folder)
    {
        var (saved, resumed) = Read("class-balanced", before, after, folder);
        var global = new ClassBalancedBatchSampler(ElasticScenario.Labels(), ElasticScenario.P, ElasticScenario.K, ElasticScenario.Seed, numReplicas: 1, rank: 0);
        global.SetEpoch(1);
        var sequence = global.Select(b => string.Join(",", b)).ToList();
        var interrupted = saved.SelectMany(r => r.Where(b => b.Epoch == 1)).Select(b => string.Join(",", b.Indices)).ToList();
        var rest = resumed.SelectMany(r => r.Where(b => b.Epoch == 1)).Select(b => string.Join(",", b.Indices)).ToList();
        Assert.Equal(before * ElasticScenario.SaveAtBatch, interrupted.Count, "batches of epoch 1 trained on before the interruption");
        var union = interrupted.Concat(rest).ToList();
        Assert.True(sequence.All(union.Contains), $"{before} → {after}: a batch of epoch 1's global sequence was never trained on");
        Assert.True(union.Count - sequence.Count < after, $"{before} → {after}: {union.Count - sequence.Count} repeated batches, more than padding");
        Assert.True(!rest.Intersect(interrupted).Any(), $"{before} → {after}: batches trained on before the interruption came again");
        for (int r = 0; r < after; r++)
        {
            var sampler = new ClassBalancedBatchSampler(ElasticScenario.Labels(), ElasticScenario.P, ElasticScenario.K, ElasticScenario.Seed, numReplicas: after, rank: r);
            sampler.SetEpoch(2);
            Assert.SequenceEqual(sampler.Select(b => string.Join(",", b)), resumed[r].Where(b => b.Epoch == 2).Select(b => string.Join(",", b.Indices)), $"{before} → {after}: rank {r}'s epoch 2");
        }
    }

    private sealed record Batch(int Epoch, long[] Indices);

    private static (List<List<Batch>> Saved, List<List<Batch>> Resumed) Read(string sampler, int before, int after, string folder)
    {
        List<List<Batch>> Phase(string phase, int ranks) => Enumerable.Range(0, ranks).Select(r =>
            File.ReadAllLines(Path.Combine(folder, $"{sampler}-{phase}-rank{r}.txt")).Select(line =>
            {
                var parts = line.Split(':');
                return new Batch(int.Parse(parts[0]), parts[1].Split(',').Select(long.Parse).ToArray());
            }).ToList()).ToList();
        return (Phase("save", before), Phase("resume", after));
    }

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
