using System.Security.Cryptography;
using System.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// The checkpoint file: model tensors, optimizer state, scheduler steps, the torch RNG state and the
/// timestamp, behind a header and a SHA-256 so that a truncated or damaged file is detected, not loaded.
/// </summary>
/// <remarks>
/// Layout: <c>"CMPCKPT\0"</c>, format version (int32), payload length (int64), payload, SHA-256 of the
/// payload. The model is stored tensor by tensor (name, dtype, shape, raw bytes) so that a checkpoint of
/// another model is reported by name and shape. Version 2 adds, after the RNG state, the world size and, for a
/// checkpoint taken mid-epoch with an elastic sampler (<see cref="Data.IElasticSampler"/>), where the epoch's
/// global order stands, so that another number of ranks can resume it; version 1 files still load.
/// </remarks>
public static class Checkpoint
{
    /// <summary>The file name extension of checkpoints the trainer writes.</summary>
    public const string Extension = ".ckpt";

    private const int FormatVersion = 2;
    private const int OldestFormatVersion = 1;
    private static readonly byte[] Magic = "CMPCKPT\0"u8.ToArray();

    /// <summary>Reads only the timestamp of a checkpoint (after verifying the file).</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <exception cref="ArgumentException">The file does not exist or is not a valid checkpoint.</exception>
    public static Timestamp ReadTimestamp(string path)
    {
        using var reader = new BinaryReader(new MemoryStream(ReadPayload(path, nameof(path), out _)));
        return ReadTimestamp(reader);
    }

    /// <summary>
    /// The checkpoint to resume from for <paramref name="path"/>: the path itself when it is a file, the
    /// checkpoint with the most batches when it is a folder.
    /// </summary>
    /// <param name="path">A checkpoint file or a folder of them.</param>
    /// <exception cref="ArgumentException">Nothing exists at the path, or the folder holds no checkpoint.</exception>
    public static string Resolve(string path)
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

        var latest = Directory.EnumerateFiles(path, "*" + Extension)
            .Select(file => (file, batch: TryReadBatch(file)))
            .Where(c => c.batch >= 0)
            .OrderByDescending(c => c.batch)
            .FirstOrDefault();
        return latest.file ?? throw new ArgumentException($"The folder '{path}' holds no valid checkpoint (*{Extension}).", nameof(path));
    }

    /// <summary>The file name the trainer gives a checkpoint at <paramref name="timestamp"/>.</summary>
    /// <param name="timestamp">The timestamp.</param>
    public static string FileName(Timestamp timestamp) => $"ep{timestamp.Epoch}-ba{timestamp.Batch}{Extension}";

    internal static void Save(string path, State state)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            WritePayload(writer, state);
        }

        byte[] bytes = payload.ToArray();
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write((long)bytes.Length);
            writer.Write(bytes);
            writer.Write(SHA256.HashData(bytes));
        });
    }

    /// <summary>Loads a checkpoint into the state's model, optimizer, schedulers and RNG and returns its timestamp.</summary>
    internal static Timestamp Load(string path, State state, string parameterName)
    {
        byte[] payload = ReadPayload(path, parameterName, out int version);
        using var reader = new BinaryReader(new MemoryStream(payload));
        try
        {
            var timestamp = ReadTimestamp(reader);
            ReadModel(reader, state.Model, path, parameterName);
            var schedulerSteps = ReadSchedulers(reader, state.Schedulers, path, parameterName);
            // Replay the schedulers' steps first: the optimizer state loaded next then has the last word on rates.
            foreach (var (scheduler, steps) in state.Schedulers.Zip(schedulerSteps))
            {
                (scheduler as TorchScheduler)?.Replay(steps);
            }

            ReadOptimizer(reader, state.Optimizer, path, parameterName);
            ReadLearningRates(reader, state.Optimizer, path, parameterName);
            using var rng = ReadTensor(reader);
            random.set_rng_state(rng);
            state.PendingResume = null;
            if (version >= 2)
            {
                int worldSize = reader.ReadInt32();
                if (reader.ReadBoolean())
                {
                    var resume = new Data.SamplerResumeState(reader.ReadInt32(), reader.ReadInt64());
                    bool resumedEpoch = reader.ReadBoolean();
                    // The same number of ranks in an ordinary epoch skips the consumed batches, exactly as before.
                    if (timestamp.BatchInEpoch > 0 && (worldSize != Distributed.Dist.WorldSize || resumedEpoch))
                    {
                        state.PendingResume = resume;
                    }
                }
            }

            return timestamp;
        }
        catch (EndOfStreamException e)
        {
            throw Invalid(path, parameterName, "it ends early, though its checksum matches (written by another format version?)", e);
        }
    }

    private static void WritePayload(BinaryWriter writer, State state)
    {
        var t = state.Timestamp;
        writer.Write(t.Epoch);
        writer.Write(t.Batch);
        writer.Write(t.BatchInEpoch);
        writer.Write(t.Sample);

        var entries = state.Model.state_dict();
        writer.Write(entries.Count);
        foreach (var (name, tensor) in entries)
        {
            writer.Write(name);
            WriteTensor(writer, tensor);
        }

        writer.Write(state.Schedulers.Count);
        foreach (var scheduler in state.Schedulers)
        {
            writer.Write(scheduler.GetType().FullName!);
            writer.Write(scheduler is TorchScheduler torchScheduler ? torchScheduler.Steps : -1L);
        }

        writer.Write(state.Optimizer.GetType().FullName!);
        var optimizerState = new MemoryStream();
        using (var optimizerWriter = new BinaryWriter(optimizerState, Encoding.UTF8, leaveOpen: true))
        {
            ((OptimizerHelper)state.Optimizer).save_state_dict(optimizerWriter);
        }

        writer.Write(optimizerState.Length);
        writer.Write(optimizerState.ToArray());

        var rates = state.LearningRates;
        writer.Write(rates.Count);
        foreach (double rate in rates)
        {
            writer.Write(rate);
        }

        using var rng = random.get_rng_state();
        WriteTensor(writer, rng);

        writer.Write(Distributed.Dist.WorldSize);
        var resume = ResumeState(state);
        writer.Write(resume is not null);
        if (resume is { } r)
        {
            writer.Write(t.Epoch);
            writer.Write(r.Consumed);
            writer.Write(state.PendingResume is not null || state.ResumedEpochStart is not null);
        }
    }

    /// <summary>Mid-epoch, with an elastic sampler: where the epoch's global order stands; otherwise null.</summary>
    private static Data.SamplerResumeState? ResumeState(State state)
    {
        var t = state.Timestamp;
        if (t.BatchInEpoch == 0)
        {
            return null;
        }

        if (state.PendingResume is { } pending)
        {
            return pending; // loaded but its epoch not yet started
        }

        if (ElasticLoader.Find(state.TrainLoader) is not { } elastic)
        {
            return null;
        }

        long batches = t.BatchInEpoch - (state.ResumedEpochStart ?? 0);
        return elastic.Sampler.GetResumeState(elastic.ConsumedOnThisRank(batches));
    }

    private static void WriteTensor(BinaryWriter writer, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var cpu = tensor.detach().cpu().contiguous();
        writer.Write((int)cpu.dtype);
        writer.Write(cpu.shape.Length);
        foreach (long size in cpu.shape)
        {
            writer.Write(size);
        }

        var bytes = cpu.bytes;
        writer.Write((long)bytes.Length);
        writer.Write(bytes);
    }

    private static Tensor ReadTensor(BinaryReader reader)
    {
        var dtype = (ScalarType)reader.ReadInt32();
        int rank = reader.ReadInt32();
        if (rank is < 0 or > 64)
        {
            throw new InvalidDataException($"a tensor of rank {rank}");
        }

        var shape = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            shape[i] = reader.ReadInt64();
        }

        long length = reader.ReadInt64();
        byte[] bytes = reader.ReadBytes(checked((int)length));
        if (bytes.Length != length)
        {
            throw new EndOfStreamException();
        }

        var tensor = empty(shape, dtype);
        if (tensor.NumberOfElements * tensor.ElementSize != length)
        {
            tensor.Dispose();
            throw new InvalidDataException($"a tensor of shape [{string.Join(", ", shape)}] with {length} bytes");
        }

        tensor.bytes = bytes;
        return tensor;
    }

    private static Timestamp ReadTimestamp(BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());

    private static void ReadModel(BinaryReader reader, ComposerModel model, string path, string parameterName)
    {
        var target = model.state_dict();
        int count = reader.ReadInt32();
        var loaded = new Dictionary<string, Tensor>();
        try
        {
            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                loaded[name] = ReadTensor(reader);
            }

            var missing = target.Keys.Except(loaded.Keys).ToList();
            var unexpected = loaded.Keys.Except(target.Keys).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw Invalid(path, parameterName,
                    $"it does not match the model: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
            }

            foreach (var (name, tensor) in target)
            {
                var source = loaded[name];
                if (!source.shape.SequenceEqual(tensor.shape) || source.dtype != tensor.dtype)
                {
                    throw Invalid(path, parameterName,
                        $"it does not match the model: '{name}' is {source.dtype}[{string.Join(", ", source.shape)}] in the checkpoint, {tensor.dtype}[{string.Join(", ", tensor.shape)}] in the model");
                }
            }

            using (no_grad())
            {
                foreach (var (name, tensor) in target)
                {
                    tensor.copy_(loaded[name]);
                }
            }
        }
        finally
        {
            foreach (var tensor in loaded.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static long[] ReadSchedulers(BinaryReader reader, IReadOnlyList<ComposerScheduler> schedulers, string path, string parameterName)
    {
        int count = reader.ReadInt32();
        var steps = new long[count];
        var types = new string[count];
        for (int i = 0; i < count; i++)
        {
            types[i] = reader.ReadString();
            steps[i] = reader.ReadInt64();
        }

        var expected = schedulers.Select(s => s.GetType().FullName!).ToArray();
        if (!types.SequenceEqual(expected))
        {
            throw Invalid(path, parameterName,
                $"its schedulers [{string.Join(", ", types)}] differ from the trainer's [{string.Join(", ", expected)}]");
        }

        return steps;
    }

    private static void ReadOptimizer(BinaryReader reader, optim.Optimizer optimizer, string path, string parameterName)
    {
        string type = reader.ReadString();
        byte[] state = reader.ReadBytes(checked((int)reader.ReadInt64()));
        if (type != optimizer.GetType().FullName)
        {
            throw Invalid(path, parameterName, $"it holds the state of a {type}, but the trainer's optimizer is a {optimizer.GetType().FullName}");
        }

        try
        {
            using var optimizerReader = new BinaryReader(new MemoryStream(state));
            ((OptimizerHelper)optimizer).load_state_dict(optimizerReader);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Invalid(path, parameterName, $"its optimizer state does not fit the optimizer ({e.Message})", e);
        }
    }

    private static void ReadLearningRates(BinaryReader reader, optim.Optimizer optimizer, string path, string parameterName)
    {
        int count = reader.ReadInt32();
        var groups = optimizer.ParamGroups.ToList();
        if (count != groups.Count)
        {
            throw Invalid(path, parameterName, $"it has {count} parameter groups, the optimizer {groups.Count}");
        }

        foreach (var group in groups)
        {
            group.LearningRate = reader.ReadDouble();
        }
    }

    private static byte[] ReadPayload(string path, string parameterName, out int version)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new ArgumentException($"The checkpoint '{path}' does not exist.", parameterName);
        }

        byte[] file = File.ReadAllBytes(path);
        const int header = 8 + 4 + 8;
        if (file.Length < header || !file.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw Invalid(path, parameterName, "it is not a checkpoint (no CMPCKPT header)");
        }

        version = BitConverter.ToInt32(file, 8);
        if (version is < OldestFormatVersion or > FormatVersion)
        {
            throw Invalid(path, parameterName, $"its format version is {version}; this library reads versions {OldestFormatVersion} to {FormatVersion}");
        }

        long length = BitConverter.ToInt64(file, 12);
        if (length < 0 || header + length + SHA256.HashSizeInBytes != file.Length)
        {
            throw Invalid(path, parameterName, $"it is truncated or padded ({file.Length} bytes, expected {header + length + SHA256.HashSizeInBytes})");
        }

        var payload = file.AsSpan(header, (int)length);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(file.AsSpan(header + (int)length)))
        {
            throw Invalid(path, parameterName, "its checksum does not match (the file is damaged)");
        }

        return payload.ToArray();
    }

    private static long TryReadBatch(string file)
    {
        try
        {
            return ReadTimestamp(file).Batch;
        }
        catch (ArgumentException)
        {
            return -1;
        }
    }

    private static ArgumentException Invalid(string path, string parameterName, string reason, Exception? inner = null) =>
        new($"The checkpoint '{path}' cannot be loaded: {reason}.", parameterName, inner);
}
