namespace Composer.Training;

/// <summary>A folder of checkpoints: which is a run's latest, and which of a run's are past keeping. Reads headers only.</summary>
internal static class CheckpointFolder
{
    /// <summary>The latest checkpoint of <paramref name="runName"/> (or of the folder's one run when null).</summary>
    /// <exception cref="ArgumentException">No checkpoint of that run, or several runs and no name to choose by.</exception>
    public static string Latest(string folder, string? runName)
    {
        var all = List(folder, "*" + Checkpoint.Extension);
        var current = all.Where(c => c.FormatVersion == Checkpoint.FormatVersion).ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException($"The folder '{folder}' holds no valid checkpoint (*{Checkpoint.Extension}).", "path");
        }

        if (current.Count == 0)
        {
            return Newest(all).Path; // older formats carry no run name: one run of any name
        }

        var runs = current.GroupBy(c => c.RunName).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (runName is not null)
        {
            var run = runs.FirstOrDefault(r => r.Key == runName)
                ?? throw new ArgumentException($"The folder '{folder}' holds no checkpoint of run '{runName}', only of {Describe(runs)}.", nameof(runName));
            return Newest(run).Path;
        }

        return runs.Count == 1
            ? Newest(runs[0]).Path
            : throw new ArgumentException(
                $"The folder '{folder}' holds checkpoints of {runs.Count} runs, {Describe(runs)}: set RunName to the run to resume, or load a file.", "path");
    }

    /// <summary>Deletes the checkpoints the saver wrote for <paramref name="runName"/> beyond the latest <paramref name="keep"/>.</summary>
    /// <returns>The files deleted.</returns>
    public static List<string> KeepLatest(string folder, string runName, int keep)
    {
        var deleted = new List<string>();
        var ours = List(folder, $"{runName}-ep*{Checkpoint.Extension}")
            .Where(c => c.FormatVersion == Checkpoint.FormatVersion && c.RunName == runName)
            .OrderByDescending(Order);
        foreach (var old in ours.Skip(keep))
        {
            try
            {
                File.Delete(old.Path);
                deleted.Add(old.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Deleted by someone else meanwhile, or not ours to delete: the next save tries again.
            }
        }

        return deleted;
    }

    private static List<CheckpointInfo> List(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern).Select(Checkpoint.TryReadInfo).OfType<CheckpointInfo>().ToList();

    private static (DateTime, long) Order(CheckpointInfo checkpoint) => (checkpoint.SavedAt, checkpoint.Timestamp.Batch);

    private static CheckpointInfo Newest(IEnumerable<CheckpointInfo> checkpoints) => checkpoints.MaxBy(Order)!;

    private static string Describe(IEnumerable<IGrouping<string, CheckpointInfo>> runs) =>
        string.Join(", ", runs.Select(r => $"'{r.Key}' ({r.Count()} checkpoints, the latest {Path.GetFileName(Newest(r).Path)})"));
}
