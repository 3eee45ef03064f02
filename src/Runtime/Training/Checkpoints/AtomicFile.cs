namespace Composer.Training;

/// <summary>Writes a file so that readers see either the old content or the whole new content, never a part.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="write"/>'s output to a temporary file beside <paramref name="path"/>,
    /// flushes it to disk, then renames it over <paramref name="path"/> (rename is atomic on one file system).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
