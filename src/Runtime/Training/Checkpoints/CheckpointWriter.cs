using System.Text;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Writes a checkpoint (format 3, see <see cref="Checkpoint"/>) straight to its file: every tensor's bytes go from the
/// tensor's memory through the SHA-256 to the file, so memory use does not grow with the model.
/// </summary>
internal static class CheckpointWriter
{
    private const int BufferSize = 1 << 20;

    public static void Save(string path, State state)
    {
        var header = new CheckpointHeader(state.RunName, DateTime.UtcNow, state.Timestamp, Distributed.Dist.WorldSize, ResumeState(state));
        Checkpoint.UniqueNames(state.Statefuls);
        AtomicFile.Write(path, file =>
        {
            using var hashing = new HashingStream(file);
            var buffered = new BufferedStream(hashing, BufferSize); // not disposed: that would close the file
            using (var writer = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Checkpoint.Magic);
                writer.Write(Checkpoint.FormatVersion);
                byte[] headerBytes = header.ToBytes();
                writer.Write(headerBytes.Length);
                writer.Write(headerBytes);
                WriteModel(writer, buffered, state.Model);
                WriteStatefuls(writer, buffered, state.Statefuls);
                WriteOptimizer(writer, buffered, hashing, state.Optimizer);
                writer.Write(Checkpoint.RngSection);
                using (var rng = random.get_rng_state())
                {
                    TensorRecord.Write(writer, buffered, rng);
                }
            }

            buffered.Flush();
            file.Write(Checkpoint.EndMagic);
            file.Write(hashing.Hash());
        });
    }

    private static void WriteModel(BinaryWriter writer, Stream stream, ComposerModel model)
    {
        var entries = model.state_dict();
        writer.Write(Checkpoint.ModelSection);
        writer.Write(entries.Count);
        foreach (var (name, tensor) in entries)
        {
            writer.Write(name);
            TensorRecord.Write(writer, stream, tensor);
        }
    }

    private static void WriteStatefuls(BinaryWriter writer, Stream stream, IReadOnlyList<(string Name, IStateful Item)> statefuls)
    {
        writer.Write(Checkpoint.StatefulsSection);
        writer.Write(statefuls.Count);
        foreach (var (name, item) in statefuls)
        {
            using var scope = NewDisposeScope(); // frees the tensors StateDict made for the call, not the ones the item keeps
            var entries = item.StateDict();
            writer.Write(name);
            writer.Write(entries.Count);
            foreach (var (key, tensor) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write(key);
                TensorRecord.Write(writer, stream, tensor);
            }
        }
    }

    /// <summary>
    /// The optimizer's type, rates and parameters (what loading checks it against), then its state in TorchSharp's own
    /// format, whose length is measured by a first pass that writes nowhere.
    /// </summary>
    private static void WriteOptimizer(BinaryWriter writer, BufferedStream stream, HashingStream hashing, optim.Optimizer optimizer)
    {
        var helper = (OptimizerHelper)optimizer;
        writer.Write(Checkpoint.OptimizerSection);
        writer.Write(optimizer.GetType().FullName!);
        var rates = optimizer.ParamGroups.Select(g => g.LearningRate).ToList();
        writer.Write(rates.Count);
        foreach (double rate in rates)
        {
            writer.Write(rate);
        }

        var parameters = optimizer.parameters().ToList();
        writer.Write(parameters.Count);
        foreach (var parameter in parameters)
        {
            TensorRecord.Of(parameter).Write(writer);
        }

        var counter = new CountingStream();
        using (var counting = new BinaryWriter(counter, Encoding.UTF8, leaveOpen: true))
        {
            helper.save_state_dict(counting);
        }

        writer.Write(counter.Length);
        stream.Flush();
        long start = hashing.Position;
        using (var state = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            helper.save_state_dict(state);
        }

        stream.Flush();
        if (hashing.Position - start != counter.Length)
        {
            throw new InvalidOperationException(
                $"The {optimizer.GetType().Name}'s state took {hashing.Position - start} bytes to write, {counter.Length} to measure: it changed while being saved.");
        }
    }

    /// <summary>Mid-epoch, with an elastic sampler: where the epoch's global order stands; otherwise null.</summary>
    private static (Data.SamplerResumeState, bool)? ResumeState(State state)
    {
        var t = state.Timestamp;
        if (t.BatchInEpoch == 0)
        {
            return null;
        }

        bool resumedEpoch = state.PendingResume is not null || state.ResumedEpochStart is not null;
        if (state.PendingResume is { } pending)
        {
            return (pending with { Epoch = t.Epoch }, resumedEpoch); // loaded but its epoch not yet started
        }

        if (ElasticLoader.Find(state.TrainLoader) is not { } elastic)
        {
            return null;
        }

        long batches = t.BatchInEpoch - (state.ResumedEpochStart ?? 0);
        return (elastic.Sampler.GetResumeState(elastic.ConsumedOnThisRank(batches)) with { Epoch = t.Epoch }, resumedEpoch);
    }

    /// <summary>Counts the bytes written to it and keeps none.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void WriteByte(byte value) => _length++;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
