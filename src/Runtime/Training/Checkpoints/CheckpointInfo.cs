namespace Composer.Training;

/// <summary>
/// What a checkpoint's header says, read without reading or verifying the rest of the file
/// (<see cref="Checkpoint.ReadInfo"/>).
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="FormatVersion">The file format's version (3 today; 1 and 2 still load).</param>
/// <param name="RunName">The run that wrote it (<see cref="State.RunName"/>); empty for format 1 and 2, which have none.</param>
/// <param name="SavedAt">When it was written (UTC); for format 1 and 2, the file's last write time.</param>
/// <param name="Timestamp">Where training was.</param>
public sealed record CheckpointInfo(string Path, int FormatVersion, string RunName, DateTime SavedAt, Timestamp Timestamp);
