using System.Text;

namespace Composer.Training;

/// <summary>
/// The checkpoint file: the model's tensors, the state of every <see cref="IStateful"/> of the trainer (its schedulers,
/// algorithms and callbacks), the optimizer's state, the torch RNG state, the timestamp and the run's name. It is
/// streamed to and from disk (any size: memory use follows the largest tensor, not the model), ends in a SHA-256 of
/// all its bytes, and is checked whole against the trainer before anything of it is applied.
/// </summary>
/// <remarks>
/// <para>Format 3, in order (integers little-endian, strings as <see cref="BinaryWriter"/> writes them):</para>
/// <list type="number">
/// <item><c>"CMPCKPT\0"</c>, the format version (int32), the header's length (int32), then the header: run name,
/// save time (UTC ticks, int64), timestamp (epoch int32, batch, batch in epoch, sample int64), world size (int32) and,
/// for a checkpoint taken mid-epoch with an elastic sampler (<see cref="Data.IElasticSampler"/>), where the epoch's
/// global order stands. Folders are searched by reading headers only.</item>
/// <item><c>"model"</c>: the count, then per tensor of the model's <c>state_dict</c> its name and tensor record.</item>
/// <item><c>"statefuls"</c>: the count, then per entry of <see cref="State.Statefuls"/> its name, its key count and per
/// key (in ordinal order) the key and tensor record. Schedulers are entries like any other.</item>
/// <item><c>"optimizer"</c>: its type's full name, the rate of each parameter group, each parameter's dtype and shape
/// (what loading checks), then the length (int64) and bytes of TorchSharp's <c>save_state_dict</c>, whose tensors
/// must each be under 2 GB.</item>
/// <item><c>"rng"</c>: the CPU generator's state as a tensor record.</item>
/// <item>The trailer: <c>"CMPCKEND"</c> and the SHA-256 of every byte before the trailer.</item>
/// </list>
/// <para>A tensor record is dtype (int32), rank (int32), sizes (int64 each), byte count (int64), then the bytes in C order.
/// Format 1 and 2 files (written before checkpoints were streamed: under 2 GB, no run name) still load, checked the same way.</para>
/// </remarks>
public static class Checkpoint
{
    /// <summary>The file name extension of checkpoints the trainer writes.</summary>
    public const string Extension = ".ckpt";

    internal const int FormatVersion = 3;
    internal const int TrailerLength = 8 + 32;
    internal const string ModelSection = "model";
    internal const string StatefulsSection = "statefuls";
    internal const string OptimizerSection = "optimizer";
    internal const string RngSection = "rng";
    internal static readonly byte[] Magic = "CMPCKPT\0"u8.ToArray();
    internal static readonly byte[] EndMagic = "CMPCKEND"u8.ToArray();

    private const int OldestFormatVersion = 1;
    private const string Readable = "1 to 3"; // 1 and 2 as written before checkpoints were streamed
    private const int MaxHeaderLength = 1 << 16;

    /// <summary>Reads the timestamp from a checkpoint's header (without reading or verifying the rest).</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <exception cref="ArgumentException">The file does not exist or does not start as a checkpoint does.</exception>
    public static Timestamp ReadTimestamp(string path) => ReadInfo(path).Timestamp;

    /// <summary>Reads a checkpoint's header: its run, save time and timestamp (without reading or verifying the rest).</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <exception cref="ArgumentException">The file does not exist or does not start as a checkpoint does.</exception>
    public static CheckpointInfo ReadInfo(string path)
    {
        using var file = Open(path, nameof(path));
        return ReadStart(path, file, nameof(path)).Info;
    }

    /// <summary>
    /// The checkpoint to resume from for <paramref name="path"/>: the path itself when it is a file; when it is a folder,
    /// the latest checkpoint of its one run (a folder holding several runs is refused, and the message names them).
    /// </summary>
    /// <param name="path">A checkpoint file or a folder of them.</param>
    /// <exception cref="ArgumentException">Nothing exists at the path, or the folder holds no checkpoint, or several runs.</exception>
    public static string Resolve(string path) => Resolve(path, null);

    /// <summary>
    /// The checkpoint to resume from for <paramref name="path"/>: the path itself when it is a file; when it is a folder,
    /// the latest checkpoint (by save time, from the headers alone) of the run <paramref name="runName"/>, or of the one run
    /// the folder holds when <paramref name="runName"/> is null. Files of format 1 and 2, which carry no run name, count
    /// as one run of any name, and only in a folder that holds no checkpoint of format 3.
    /// </summary>
    /// <param name="path">A checkpoint file or a folder of them.</param>
    /// <param name="runName">The run whose latest checkpoint to pick, or null.</param>
    /// <exception cref="ArgumentException">
    /// Nothing exists at the path, or the folder holds no checkpoint (of that run), or several runs and no
    /// <paramref name="runName"/> to choose by. The message names the runs found.
    /// </exception>
    public static string Resolve(string path, string? runName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new ArgumentException($"No checkpoint file or folder at '{path}'.", nameof(path));
        }

        return CheckpointFolder.Latest(path, runName);
    }

    /// <summary>The file name the trainer gives a checkpoint of run <paramref name="runName"/> at <paramref name="timestamp"/>: <c>{runName}-ep{epoch}-ba{batch}.ckpt</c>.</summary>
    /// <param name="runName">The run's name (<see cref="State.RunName"/>).</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <exception cref="ArgumentException"><paramref name="runName"/> is not a valid run name.</exception>
    public static string FileName(string runName, Timestamp timestamp) =>
        $"{RunName.Check(runName, nameof(runName))}-ep{timestamp.Epoch}-ba{timestamp.Batch}{Extension}";

    internal static void Save(string path, State state) => CheckpointWriter.Save(path, state);

    /// <summary>
    /// Loads a checkpoint into the state's model, statefuls, optimizer and RNG and sets its timestamp, after checking
    /// all of it; a checkpoint that is refused changes nothing.
    /// </summary>
    /// <returns>Its header.</returns>
    /// <exception cref="ArgumentException">The file is missing, damaged, truncated, or does not fit the trainer; the message says which part.</exception>
    internal static CheckpointInfo Load(string path, State state, string parameterName)
    {
        using var file = Open(path, parameterName);
        var (info, header, bodyStart) = ReadStart(path, file, parameterName);
        return header is null
            ? LegacyCheckpoint.Load(path, file, info.FormatVersion, state, parameterName)
            : CheckpointReader.Load(path, file, header, bodyStart, state, parameterName);
    }

    /// <summary>The header of <paramref name="path"/>, or null when it is not a readable checkpoint.</summary>
    internal static CheckpointInfo? TryReadInfo(string path)
    {
        try
        {
            return ReadInfo(path);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The statefuls by name; two with one name cannot be told apart in a checkpoint.</summary>
    /// <exception cref="InvalidOperationException">Two statefuls share a name.</exception>
    internal static Dictionary<string, IStateful> UniqueNames(IReadOnlyList<(string Name, IStateful Item)> statefuls)
    {
        var byName = new Dictionary<string, IStateful>();
        foreach (var (name, item) in statefuls)
        {
            if (!byName.TryAdd(name, item))
            {
                throw new InvalidOperationException($"Two parts of the trainer keep state under the name '{name}'; a checkpoint needs one name each.");
            }
        }

        return byName;
    }

    /// <summary>
    /// <c>missing [a, b], unexpected [c]</c> (the trainer's names that the checkpoint lacks, and the checkpoint's that the
    /// trainer lacks), leaving out an empty part; null when both are empty.
    /// </summary>
    internal static string? Difference(IReadOnlyCollection<string> missing, IReadOnlyCollection<string> unexpected)
    {
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add($"missing [{string.Join(", ", missing)}]");
        }

        if (unexpected.Count > 0)
        {
            parts.Add($"unexpected [{string.Join(", ", unexpected)}]");
        }

        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }

    internal static ArgumentException Invalid(string path, string parameterName, string reason, Exception? inner = null) =>
        new($"The checkpoint '{path}' cannot be loaded: {reason}.", parameterName, inner);

    private static FileStream Open(string path, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new ArgumentException($"The checkpoint '{path}' does not exist.", parameterName);
        }

        // Unbuffered: readers add their own buffer. Deletion allowed, so that keeping the last N never waits for a reader.
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
    }

    /// <summary>Reads the magic, the version and the header (format 3) or the timestamp (formats 1 and 2).</summary>
    private static (CheckpointInfo Info, CheckpointHeader? Header, long BodyStart) ReadStart(string path, FileStream file, string parameterName)
    {
        using var reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw Invalid(path, parameterName, "it is not a checkpoint (no CMPCKPT header)");
            }

            int version = reader.ReadInt32();
            if (version is < OldestFormatVersion or > FormatVersion)
            {
                throw Invalid(path, parameterName, $"its format version is {version}; this library reads versions {Readable}");
            }

            if (version < FormatVersion)
            {
                reader.ReadInt64(); // the payload's length
                var timestamp = LegacyCheckpoint.ReadTimestamp(reader);
                return (new CheckpointInfo(path, version, "", File.GetLastWriteTimeUtc(path), timestamp), null, LegacyCheckpoint.PrefixLength);
            }

            int length = reader.ReadInt32();
            if (length is < 0 or > MaxHeaderLength)
            {
                throw new InvalidDataException($"a header of {length} bytes");
            }

            byte[] bytes = reader.ReadBytes(length);
            if (bytes.Length != length)
            {
                throw new EndOfStreamException();
            }

            using var headerReader = new BinaryReader(new MemoryStream(bytes));
            var header = CheckpointHeader.Read(headerReader);
            var info = new CheckpointInfo(path, version, header.RunName, header.SavedAt, header.Timestamp);
            return (info, header, Magic.Length + sizeof(int) + sizeof(int) + length);
        }
        catch (EndOfStreamException e)
        {
            throw Invalid(path, parameterName, $"it is truncated ({file.Length} bytes end within its header)", e);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw Invalid(path, parameterName, $"its header is malformed: {e.Message}", e);
        }
    }
}
