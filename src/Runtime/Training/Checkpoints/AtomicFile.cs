using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Composer.Training;

/// <summary>Writes a file so that readers see either the old content or the whole new content, never a part.</summary>
/// <remarks>
/// Each write goes to its own temporary file beside the target, <c>{name}.{pid}.{random}.{host}.tmp</c>, so that
/// writers in one process or several never share one. A writer killed mid-write leaves its temporary behind; the next
/// write into the same folder removes it once it is no one's: written by this process but not being written, or by a
/// process of this machine that has ended, or untouched for <see cref="StaleAfter"/> (a writer on another machine).
/// </remarks>
internal static partial class AtomicFile
{
    /// <summary>How long a temporary file may go unwritten before it counts as abandoned whatever its writer.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private const string TemporaryExtension = ".tmp";
    private static readonly string Host = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Environment.MachineName)), 0, 4).ToLowerInvariant();
    private static readonly ConcurrentDictionary<string, byte> Writing = new(); // this process's temporaries being written

    /// <summary>Writes <paramref name="write"/>'s output to a temporary file beside <paramref name="path"/>,
    /// flushes it to disk, then renames it over <paramref name="path"/> (rename is atomic on one file system).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        RemoveAbandoned(folder);
        string temporary = TemporaryPath(full, Environment.ProcessId);
        Writing[temporary] = 0;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
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
        finally
        {
            Writing.TryRemove(temporary, out _);
        }
    }

    /// <summary>A new temporary file name for <paramref name="full"/>, written by process <paramref name="processId"/> of this machine.</summary>
    public static string TemporaryPath(string full, int processId) =>
        $"{full}.{processId}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}.{Host}{TemporaryExtension}";

    /// <summary>Deletes the temporaries in <paramref name="folder"/> that no live writer will finish.</summary>
    /// <returns>The paths deleted.</returns>
    public static List<string> RemoveAbandoned(string folder)
    {
        var removed = new List<string>();
        foreach (string file in Directory.EnumerateFiles(folder, "*" + TemporaryExtension))
        {
            if (Writing.ContainsKey(file) || !IsAbandoned(file))
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone already, or not ours to delete.
            }
        }

        return removed;
    }

    private static bool IsAbandoned(string file)
    {
        // {name}.{pid}.{random}.{host}.tmp, or {name}.{pid}.tmp from versions that wrote one temporary per process.
        var match = TemporaryName().Match(Path.GetFileName(file));
        if (!match.Success || !int.TryParse(match.Groups["pid"].Value, out int pid))
        {
            return false; // not one of ours
        }

        DateTime lastWrite;
        try
        {
            lastWrite = File.GetLastWriteTimeUtc(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        if (DateTime.UtcNow - lastWrite > StaleAfter)
        {
            return true;
        }

        if (match.Groups["host"] is { Success: true } host && host.Value != Host)
        {
            return false; // another machine's writer: only its age tells
        }

        return pid == Environment.ProcessId || !IsRunning(pid); // this process's own is not being written: the caller checked
    }

    [GeneratedRegex(@"^(.+\.(?<pid>[0-9]+)\.[0-9a-f]{8}\.(?<host>[0-9a-f]{8})|.+\.ckpt\.(?<pid>[0-9]+))\.tmp$")]
    private static partial Regex TemporaryName();

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
