using System.Buffers;
using System.Text;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Loads a checkpoint (format 3, see <see cref="Checkpoint"/>) in passes over the file. The first computes the
/// SHA-256 of every byte and checks every part against the trainer (model tensors, statefuls, optimizer, RNG) by name,
/// dtype and shape, reading past the tensors' bytes; the second tries the optimizer's state, which only TorchSharp's
/// reader understands, keeping the live state aside to put back; the last, only when all is well, reads the bytes into
/// place. So a refused checkpoint changes nothing, and memory use is that of the largest stateful's state, not the model's.
/// </summary>
internal static class CheckpointReader
{
    private const int BufferSize = 1 << 20;

    public static CheckpointInfo Load(string path, FileStream file, CheckpointHeader header, long bodyStart, State state, string parameterName)
    {
        Verify(path, file, bodyStart, state, parameterName);
        var problems = new List<string>();
        try
        {
            ReadBody(file, bodyStart, state, problems, Pass.TryOptimizer);
        }
        catch (InvalidDataException e)
        {
            throw Checkpoint.Invalid(path, parameterName, $"it is malformed, though its checksum matches: {e.Message}", e);
        }

        try
        {
            ReadBody(file, bodyStart, state, problems, Pass.Apply);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The first pass found the file whole and fitting; only a change under our feet or a stateful that throws gets here.
            throw new InvalidOperationException(
                $"The checkpoint '{path}' passed every check but failed while being applied, so the trainer is now partly loaded; build a new one. ({e.Message})", e);
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The checkpoint '{path}' changed while being loaded: {string.Join("; ", problems)}.");
        }

        Apply(header, state);
        return new CheckpointInfo(path, Checkpoint.FormatVersion, header.RunName, header.SavedAt, header.Timestamp);
    }

    /// <summary>The first pass: the checksum, then every part against the trainer. Throws when anything is off.</summary>
    private static void Verify(string path, FileStream file, long bodyStart, State state, string parameterName)
    {
        long hashed = file.Length - Checkpoint.TrailerLength;
        Span<byte> trailer = stackalloc byte[Checkpoint.TrailerLength];
        if (hashed >= bodyStart)
        {
            file.Position = hashed;
            file.ReadExactly(trailer);
        }

        if (hashed < bodyStart || !trailer[..Checkpoint.EndMagic.Length].SequenceEqual(Checkpoint.EndMagic))
        {
            throw Checkpoint.Invalid(path, parameterName, $"it is truncated: its {file.Length} bytes do not end with the end marker and checksum");
        }

        file.Position = 0;

        var problems = new List<string>();
        Exception? malformed = null;
        using var hashing = new HashingStream(file, hashed);
        var buffered = new BufferedStream(hashing, BufferSize);
        using (var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true))
        {
            try
            {
                reader.ReadBytes(Checkpoint.Magic.Length + sizeof(int));
                reader.ReadBytes(reader.ReadInt32()); // the header, read by the caller
                ReadBody(reader, buffered, state, problems, Pass.Check);
                if (buffered.ReadByte() >= 0)
                {
                    malformed = new InvalidDataException("bytes follow its last part");
                }
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException)
            {
                malformed = e;
            }
        }

        buffered.CopyTo(Stream.Null); // the rest, for the checksum
        if (!hashing.Hash().AsSpan().SequenceEqual(trailer[Checkpoint.EndMagic.Length..]))
        {
            throw Checkpoint.Invalid(path, parameterName, "its checksum does not match (the file is damaged)");
        }

        if (malformed is not null)
        {
            throw Checkpoint.Invalid(path, parameterName, $"it is malformed, though its checksum matches: {malformed.Message}", malformed);
        }

        if (problems.Count > 0)
        {
            throw Checkpoint.Invalid(path, parameterName, $"{string.Join("; ", problems)}. Nothing was loaded");
        }
    }

    /// <summary>What a pass over the sections does.</summary>
    private enum Pass
    {
        /// <summary>Compares each part with the trainer's and reads past the bytes (through the checksum).</summary>
        Check,

        /// <summary>Seeks past every part but the optimizer's state, which it reads into the optimizer and takes back when malformed.</summary>
        TryOptimizer,

        /// <summary>Reads the bytes into the model, the statefuls (schedulers replay their steps), then the optimizer (whose rates have the last word) and the RNG.</summary>
        Apply,
    }

    /// <summary>The sections after the header, from <paramref name="bodyStart"/> of the file.</summary>
    private static void ReadBody(FileStream file, long bodyStart, State state, List<string> problems, Pass pass)
    {
        file.Position = bodyStart;
        var buffered = new BufferedStream(file, BufferSize); // not disposed: the caller owns the file
        using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        ReadBody(reader, buffered, state, problems, pass);
    }

    private static void ReadBody(BinaryReader reader, Stream stream, State state, List<string> problems, Pass pass)
    {
        byte[] skipBuffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        bool apply = pass == Pass.Apply;
        try
        {
            ReadModel(reader, stream, state.Model, problems, apply, skipBuffer);
            ReadStatefuls(reader, stream, state.Statefuls, problems, apply, skipBuffer);
            ReadOptimizer(reader, stream, state.Optimizer, problems, pass, skipBuffer);
            ReadRng(reader, stream, problems, apply, skipBuffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(skipBuffer);
        }
    }

    private static void ReadModel(BinaryReader reader, Stream stream, ComposerModel model, List<string> problems, bool apply, byte[] skipBuffer)
    {
        Section(reader, Checkpoint.ModelSection);
        var target = model.state_dict();
        int count = Count(reader);
        var seen = new HashSet<string>();
        var unexpected = new List<string>();
        var differ = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            var record = TensorRecord.Read(reader);
            if (!seen.Add(name))
            {
                throw new InvalidDataException($"the model tensor '{name}' appears twice");
            }

            if (!target.TryGetValue(name, out var tensor))
            {
                unexpected.Add(name);
                record.Skip(stream, skipBuffer);
            }
            else if (!record.Fits(tensor))
            {
                differ.Add($"'{name}' is {record} in the checkpoint, {TensorRecord.Of(tensor)} in the model");
                record.Skip(stream, skipBuffer);
            }
            else if (apply)
            {
                record.ReadInto(stream, tensor);
            }
            else
            {
                record.Skip(stream, skipBuffer);
            }
        }

        var missing = target.Keys.Where(name => !seen.Contains(name)).ToList();
        if (Checkpoint.Difference(missing, unexpected) is { } difference)
        {
            differ.Insert(0, difference);
        }

        if (differ.Count > 0)
        {
            problems.Add($"it does not match the model: {string.Join("; ", differ)}");
        }
    }

    private static void ReadStatefuls(BinaryReader reader, Stream stream, IReadOnlyList<(string Name, IStateful Item)> statefuls, List<string> problems, bool apply, byte[] skipBuffer)
    {
        Section(reader, Checkpoint.StatefulsSection);
        var live = Checkpoint.UniqueNames(statefuls);
        int count = Count(reader);
        var seen = new HashSet<string>();
        var unexpected = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            if (!seen.Add(name))
            {
                throw new InvalidDataException($"the state of '{name}' appears twice");
            }

            live.TryGetValue(name, out var item);
            if (item is null)
            {
                unexpected.Add(name);
            }

            using var scope = NewDisposeScope(); // the tensors StateDict makes for the call, and the ones read for LoadStateDict
            var expected = item is not null && !apply ? item.StateDict() : null;
            var loaded = item is not null && apply ? new Dictionary<string, Tensor>() : null;
            var keys = new HashSet<string>();
            int entries = Count(reader);
            for (int j = 0; j < entries; j++)
            {
                string key = reader.ReadString();
                var record = TensorRecord.Read(reader);
                if (!keys.Add(key))
                {
                    throw new InvalidDataException($"the key '{key}' of '{name}' appears twice");
                }

                if (loaded is not null)
                {
                    loaded[key] = record.ReadNew(stream);
                    continue;
                }

                if (expected is not null && !expected.ContainsKey(key))
                {
                    problems.Add($"the state of '{name}' has '{key}', which the trainer's does not");
                }
                else if (expected is not null && !record.Fits(expected[key]))
                {
                    problems.Add($"the state of '{name}' has '{key}' as {record}, the trainer's as {TensorRecord.Of(expected[key])}");
                }

                record.Skip(stream, skipBuffer);
            }

            foreach (string key in expected?.Keys.Where(k => !keys.Contains(k)) ?? [])
            {
                problems.Add($"the state of '{name}' lacks '{key}'");
            }

            if (loaded is not null)
            {
                item!.LoadStateDict(loaded);
            }
        }

        var missing = live.Keys.Where(name => !seen.Contains(name)).ToList();
        if (Checkpoint.Difference(missing, unexpected) is { } difference)
        {
            problems.Add($"its state does not match the trainer's schedulers, algorithms and callbacks: {difference}");
        }
    }

    private static void ReadOptimizer(BinaryReader reader, Stream stream, optim.Optimizer optimizer, List<string> problems, Pass pass, byte[] skipBuffer)
    {
        Section(reader, Checkpoint.OptimizerSection);
        string type = reader.ReadString();
        var rates = new double[Count(reader)];
        for (int i = 0; i < rates.Length; i++)
        {
            rates[i] = reader.ReadDouble();
        }

        var parameters = new TensorRecord[Count(reader)];
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = TensorRecord.Read(reader);
        }

        long length = reader.ReadInt64();
        if (length < 0)
        {
            throw new InvalidDataException($"optimizer state of {length} bytes");
        }

        var groups = optimizer.ParamGroups.ToList();
        var live = optimizer.parameters().ToList();
        if (type != optimizer.GetType().FullName)
        {
            problems.Add($"it holds the state of a {type}, but the trainer's optimizer is a {optimizer.GetType().FullName}");
        }
        else if (rates.Length != groups.Count)
        {
            problems.Add($"its optimizer has {rates.Length} parameter groups, the trainer's {groups.Count}");
        }
        else if (parameters.Length != live.Count)
        {
            problems.Add($"its optimizer has {parameters.Length} parameters, the trainer's {live.Count}");
        }
        else if (Enumerable.Range(0, live.Count).FirstOrDefault(i => !parameters[i].Fits(live[i]), -1) is var i and >= 0)
        {
            problems.Add($"its optimizer's parameter {i} is {parameters[i]}, the trainer's {TensorRecord.Of(live[i])}");
        }

        if (pass == Pass.Check)
        {
            Skip(stream, length, skipBuffer);
            return;
        }

        if (pass == Pass.TryOptimizer)
        {
            TryOptimizerState(stream, length, (OptimizerHelper)optimizer);
            return;
        }

        LoadOptimizerState(stream, length, (OptimizerHelper)optimizer);

        for (int i = 0; i < groups.Count; i++)
        {
            groups[i].LearningRate = rates[i];
        }
    }

    /// <summary>
    /// Reads the optimizer's state into <paramref name="optimizer"/> with its live state written aside (to a temporary
    /// file: an optimizer's state can outgrow a memory stream), and puts that back when the bytes turn out malformed.
    /// </summary>
    private static void TryOptimizerState(Stream stream, long length, OptimizerHelper optimizer)
    {
        using var kept = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose);
        using (var writer = new BinaryWriter(kept, Encoding.UTF8, leaveOpen: true))
        {
            optimizer.save_state_dict(writer);
        }

        try
        {
            LoadOptimizerState(stream, length, optimizer);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            kept.Position = 0;
            LoadOptimizerState(kept, kept.Length, optimizer);
            throw new InvalidDataException($"its optimizer state cannot be read ({e.Message})", e);
        }
    }

    private static void LoadOptimizerState(Stream stream, long length, OptimizerHelper optimizer)
    {
        var section = new SectionStream(stream, length);
        using (var state = new BinaryReader(section, Encoding.UTF8, leaveOpen: true))
        {
            optimizer.load_state_dict(state);
        }

        if (section.Left != 0)
        {
            throw new InvalidDataException($"the optimizer read {length - section.Left} of its {length} bytes");
        }
    }

    private static void ReadRng(BinaryReader reader, Stream stream, List<string> problems, bool apply, byte[] skipBuffer)
    {
        Section(reader, Checkpoint.RngSection);
        var record = TensorRecord.Read(reader);
        using var current = random.get_rng_state();
        if (!record.Fits(current))
        {
            problems.Add($"its random generator state is {record}, this torch's {TensorRecord.Of(current)}");
        }

        if (!apply)
        {
            record.Skip(stream, skipBuffer);
            return;
        }

        using var rng = record.ReadNew(stream);
        random.set_rng_state(rng);
    }

    /// <summary>The state the header holds: timestamp and, for an elastic resume, where the epoch stood.</summary>
    private static void Apply(CheckpointHeader header, State state)
    {
        state.Timestamp = header.Timestamp;
        state.PendingResume = null;
        // The same number of ranks in an ordinary epoch skips the consumed batches, exactly as before.
        if (header.Resume is var (resume, resumedEpoch) && header.Timestamp.BatchInEpoch > 0 && (header.WorldSize != Distributed.Dist.WorldSize || resumedEpoch))
        {
            state.PendingResume = resume;
        }
    }

    /// <summary>Reads past <paramref name="length"/> bytes (through the checksum, when checking), or seeks past them.</summary>
    internal static void Skip(Stream stream, long length, byte[] buffer)
    {
        if (stream.CanSeek)
        {
            stream.Seek(length, SeekOrigin.Current); // a pass after the checksum's
            return;
        }

        for (long left = length; left > 0;)
        {
            int read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            left -= read > 0 ? read : throw new EndOfStreamException();
        }
    }

    private static void Section(BinaryReader reader, string name)
    {
        string found = reader.ReadString();
        if (found != name)
        {
            throw new InvalidDataException($"its part '{name}' is missing (found '{found[..Math.Min(found.Length, 40)]}')");
        }
    }

    private static int Count(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        return count >= 0 ? count : throw new InvalidDataException($"a count of {count}");
    }

    /// <summary>The next <c>length</c> bytes of a stream, and not one more, for TorchSharp's optimizer reader.</summary>
    private sealed class SectionStream(Stream inner, long length) : Stream
    {
        private readonly long _length = length;

        public long Left { get; private set; } = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position
        {
            get => _length - Left;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read = Left == 0 ? 0 : inner.Read(buffer[..(int)Math.Min(buffer.Length, Left)]);
            Left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
