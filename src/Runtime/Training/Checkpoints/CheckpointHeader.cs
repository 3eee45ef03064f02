using System.Text;

namespace Composer.Training;

/// <summary>
/// The small part at the start of a checkpoint (format 3) that says whose it is and where training was: enough to
/// pick a run's latest checkpoint from a folder without reading the tensors that follow.
/// </summary>
/// <param name="RunName">The run that wrote it.</param>
/// <param name="SavedAt">When the save started (UTC).</param>
/// <param name="Timestamp">Where training was.</param>
/// <param name="WorldSize">The number of ranks of the job that wrote it.</param>
/// <param name="Resume">
/// Mid-epoch, with an elastic sampler: where the epoch's global order stood, and whether that epoch was itself
/// resumed on another number of ranks; otherwise null.
/// </param>
internal sealed record CheckpointHeader(string RunName, DateTime SavedAt, Timestamp Timestamp, int WorldSize, (Data.SamplerResumeState State, bool ResumedEpoch)? Resume)
{
    /// <summary>The header's bytes: run name, save time (ticks), timestamp, world size, elastic resume state.</summary>
    public byte[] ToBytes()
    {
        var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(RunName);
            writer.Write(SavedAt.Ticks);
            writer.Write(Timestamp.Epoch);
            writer.Write(Timestamp.Batch);
            writer.Write(Timestamp.BatchInEpoch);
            writer.Write(Timestamp.Sample);
            writer.Write(WorldSize);
            writer.Write(Resume is not null);
            if (Resume is var (state, resumedEpoch))
            {
                writer.Write(state.Epoch);
                writer.Write(state.Consumed);
                writer.Write(resumedEpoch);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Reads what <see cref="ToBytes"/> wrote.</summary>
    /// <exception cref="EndOfStreamException">The bytes end early.</exception>
    /// <exception cref="InvalidDataException">A value is impossible.</exception>
    public static CheckpointHeader Read(BinaryReader reader)
    {
        string runName = reader.ReadString();
        long ticks = reader.ReadInt64();
        if (ticks is < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            throw new InvalidDataException($"a save time of {ticks} ticks");
        }

        var timestamp = new Timestamp(reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
        int worldSize = reader.ReadInt32();
        (Data.SamplerResumeState, bool)? resume = reader.ReadBoolean()
            ? (new Data.SamplerResumeState(reader.ReadInt32(), reader.ReadInt64()), reader.ReadBoolean())
            : null;
        return new CheckpointHeader(runName, new DateTime(ticks, DateTimeKind.Utc), timestamp, worldSize, resume);
    }
}
