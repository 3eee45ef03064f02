using System.Security.Cryptography;
using Composer.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>Writes a trainer's state as checkpoint formats 1 and 2 did, before checkpoints were streamed.</summary>
internal static class LegacyCheckpointFile
{
    public static void Write(string path, int version, State state)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
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
                writer.Write(scheduler is TorchScheduler torch ? torch.Steps : -1L);
            }

            writer.Write(state.Optimizer.GetType().FullName!);
            var optimizerState = new MemoryStream();
            using (var optimizerWriter = new BinaryWriter(optimizerState, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                ((OptimizerHelper)state.Optimizer).save_state_dict(optimizerWriter);
            }

            writer.Write(optimizerState.Length);
            writer.Write(optimizerState.ToArray());
            writer.Write(state.LearningRates.Count);
            foreach (double rate in state.LearningRates)
            {
                writer.Write(rate);
            }

            using (var rng = random.get_rng_state())
            {
                WriteTensor(writer, rng);
            }

            if (version >= 2)
            {
                writer.Write(1); // world size
                writer.Write(false); // no elastic resume state
            }
        }

        byte[] bytes = payload.ToArray();
        using var file = new BinaryWriter(File.Create(path));
        file.Write("CMPCKPT\0"u8);
        file.Write(version);
        file.Write((long)bytes.Length);
        file.Write(bytes);
        file.Write(SHA256.HashData(bytes));
    }

    private static void WriteTensor(BinaryWriter writer, Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous();
        writer.Write((int)cpu.dtype);
        writer.Write(cpu.shape.Length);
        foreach (long size in cpu.shape)
        {
            writer.Write(size);
        }

        writer.Write((long)cpu.bytes.Length);
        writer.Write(cpu.bytes);
    }
}
