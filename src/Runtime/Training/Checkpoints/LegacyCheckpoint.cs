using System.Security.Cryptography;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Checkpoints of format 1 and 2, written before checkpoints were streamed: <c>"CMPCKPT\0"</c>, version (int32),
/// payload length (int64), payload, SHA-256 of the payload; the payload holds the timestamp, the model tensors, each
/// scheduler's type and TorchScheduler step count, the optimizer's type and state, the rates, the RNG state and
/// (format 2) the world size and elastic resume state. Such a file is under 2 GB, so it is read whole, checked
/// against the trainer like a format 3 file, and only then applied; but these formats do not describe the optimizer's
/// parameters, so a checkpoint of the same optimizer type over other parameters is found out by TorchSharp while it
/// loads, after the model. It carries no run name.
/// </summary>
internal static class LegacyCheckpoint
{
    /// <summary>Length of the part before the payload: magic, version, payload length.</summary>
    public const int PrefixLength = 8 + 4 + 8;

    /// <summary>The timestamp at the start of the payload, read without verifying the file.</summary>
    public static Timestamp ReadTimestamp(BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());

    public static CheckpointInfo Load(string path, FileStream file, int version, State state, string parameterName)
    {
        using var reader = new BinaryReader(new MemoryStream(ReadPayload(path, file, parameterName)));
        var model = new Dictionary<string, Tensor>();
        Tensor? rng = null;
        List<Dictionary<string, Tensor>>? schedulerStates = null;
        try
        {
            var timestamp = ReadTimestamp(reader);
            int count = reader.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                model[name] = ReadTensor(reader);
            }

            var schedulers = new (string Type, long Steps)[reader.ReadInt32()];
            for (int i = 0; i < schedulers.Length; i++)
            {
                schedulers[i] = (reader.ReadString(), reader.ReadInt64());
            }

            string optimizerType = reader.ReadString();
            byte[] optimizerState = reader.ReadBytes(checked((int)reader.ReadInt64()));
            var rates = new double[reader.ReadInt32()];
            for (int i = 0; i < rates.Length; i++)
            {
                rates[i] = reader.ReadDouble();
            }

            rng = ReadTensor(reader);
            Data.SamplerResumeState? resume = null;
            if (version >= 2)
            {
                int worldSize = reader.ReadInt32();
                if (reader.ReadBoolean())
                {
                    var saved = new Data.SamplerResumeState(reader.ReadInt32(), reader.ReadInt64());
                    bool resumedEpoch = reader.ReadBoolean();
                    // The same number of ranks in an ordinary epoch skips the consumed batches, exactly as before.
                    if (timestamp.BatchInEpoch > 0 && (worldSize != Distributed.Dist.WorldSize || resumedEpoch))
                    {
                        resume = saved;
                    }
                }
            }

            schedulerStates = Check(path, parameterName, version, state, model, schedulers, optimizerType, rates);

            using (no_grad())
            {
                foreach (var (name, tensor) in state.Model.state_dict())
                {
                    tensor.copy_(model[name]);
                }
            }

            // The schedulers replay their steps first: the optimizer state loaded next then has the last word on rates.
            foreach (var (scheduler, saved) in state.Schedulers.Zip(schedulerStates))
            {
                scheduler.LoadStateDict(saved);
            }

            try
            {
                using var optimizerReader = new BinaryReader(new MemoryStream(optimizerState));
                ((OptimizerHelper)state.Optimizer).load_state_dict(optimizerReader);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException or NotImplementedException)
            {
                throw Checkpoint.Invalid(path, parameterName,
                    $"its optimizer state (format {version}) does not fit the optimizer, found out after the model was loaded: build a new trainer ({e.Message})", e);
            }

            int group = 0;
            foreach (var parameterGroup in state.Optimizer.ParamGroups)
            {
                parameterGroup.LearningRate = rates[group++];
            }

            random.set_rng_state(rng);
            state.Timestamp = timestamp;
            state.PendingResume = resume;
            return new CheckpointInfo(path, version, "", File.GetLastWriteTimeUtc(path), timestamp);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or OverflowException)
        {
            throw Checkpoint.Invalid(path, parameterName, $"it is malformed, though its checksum matches (format version {version}): {e.Message}", e);
        }
        finally
        {
            foreach (var tensor in model.Values)
            {
                tensor.Dispose();
            }

            rng?.Dispose();
            foreach (var saved in schedulerStates?.SelectMany(s => s.Values) ?? [])
            {
                saved.Dispose();
            }
        }
    }

    /// <summary>Checks everything against the trainer; returns each scheduler's state as format 3 would hold it.</summary>
    private static List<Dictionary<string, Tensor>> Check(string path, string parameterName, int version, State state,
        Dictionary<string, Tensor> model, (string Type, long Steps)[] schedulers, string optimizerType, double[] rates)
    {
        var problems = new List<string>();
        var target = state.Model.state_dict();
        var differ = target.Where(t => model.ContainsKey(t.Key) && !TensorRecord.Of(model[t.Key]).Fits(t.Value))
            .Select(t => $"'{t.Key}' is {TensorRecord.Of(model[t.Key])} in the checkpoint, {TensorRecord.Of(t.Value)} in the model")
            .Prepend(Checkpoint.Difference(target.Keys.Except(model.Keys).ToList(), model.Keys.Except(target.Keys).ToList()))
            .OfType<string>()
            .ToList();
        if (differ.Count > 0)
        {
            problems.Add($"it does not match the model: {string.Join("; ", differ)}");
        }

        var types = state.Schedulers.Select(s => s.GetType().FullName!).ToArray();
        if (!schedulers.Select(s => s.Type).SequenceEqual(types))
        {
            problems.Add($"its schedulers [{string.Join(", ", schedulers.Select(s => s.Type))}] differ from the trainer's [{string.Join(", ", types)}]");
        }

        // Format 3 keeps a TorchScheduler's steps under "steps" and nothing for a time-based scheduler (saved as -1).
        var schedulerStates = schedulers.Select(s => s.Steps >= 0 ? new Dictionary<string, Tensor> { ["steps"] = tensor(s.Steps) } : []).ToList();
        for (int i = 0; i < Math.Min(schedulers.Length, state.Schedulers.Count); i++)
        {
            using var scope = NewDisposeScope();
            var expected = state.Schedulers[i].StateDict();
            if (!expected.Keys.Order().SequenceEqual(schedulerStates[i].Keys.Order())
                || expected.Any(e => !TensorRecord.Of(schedulerStates[i][e.Key]).Fits(e.Value)))
            {
                problems.Add($"its state of scheduler {i} ({schedulers[i].Type}) does not fit the trainer's");
            }
        }

        var others = state.Statefuls.Where(s => !state.Schedulers.Contains(s.Item)).Select(s => s.Name).ToList();
        if (others.Count > 0)
        {
            problems.Add($"format {version} holds no state for [{string.Join(", ", others)}]");
        }

        if (optimizerType != state.Optimizer.GetType().FullName)
        {
            problems.Add($"it holds the state of a {optimizerType}, but the trainer's optimizer is a {state.Optimizer.GetType().FullName}");
        }
        else if (rates.Length != state.Optimizer.ParamGroups.Count())
        {
            problems.Add($"its optimizer has {rates.Length} parameter groups, the trainer's {state.Optimizer.ParamGroups.Count()}");
        }

        if (problems.Count > 0)
        {
            foreach (var saved in schedulerStates.SelectMany(s => s.Values))
            {
                saved.Dispose();
            }

            throw Checkpoint.Invalid(path, parameterName, $"{string.Join("; ", problems)}. Nothing was loaded");
        }

        return schedulerStates;
    }

    private static byte[] ReadPayload(string path, FileStream file, string parameterName)
    {
        file.Position = 8 + 4;
        Span<byte> prefix = stackalloc byte[8];
        file.ReadExactly(prefix);
        long length = BitConverter.ToInt64(prefix);
        long expected = PrefixLength + length + SHA256.HashSizeInBytes;
        if (length < 0 || expected != file.Length)
        {
            throw Checkpoint.Invalid(path, parameterName, $"it is truncated or padded ({file.Length} bytes, expected {expected})");
        }

        byte[] payload = new byte[length];
        file.ReadExactly(payload);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        file.ReadExactly(hash);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(hash))
        {
            throw Checkpoint.Invalid(path, parameterName, "its checksum does not match (the file is damaged)");
        }

        return payload;
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
}
