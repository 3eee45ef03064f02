using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Benchmarks;

/// <summary>
/// A data set that decodes every sample when it is read, as one over files does: each sample is a 3×48×48 image stored
/// zlib-compressed, inflated, converted to floats and normalised into a fresh tensor, about 30 µs of work per sample on
/// the reference machine (<see cref="MeasureMicrosecondsPerSample"/> says how much on this one). Thread-safe: every
/// call works on its own buffers, so loaders may read it from many threads.
/// </summary>
/// <remarks>
/// It decodes straight into the tensor's memory and borrows its byte buffer from a pool, as a data set tuned for
/// throughput would: a first version that made a 48 KB <c>float[]</c> per sample (of 3×64×64, pinned by its tensor until collated)
/// spent about a fifth of an epoch in garbage collections, which stop every thread and so cap what workers can win.
/// </remarks>
public sealed class DecodingDataset : torch.utils.data.Dataset
{
    public const int Channels = 3, Height = 48, Width = 48;
    private const int Pixels = Height * Width;

    private readonly byte[][] _encoded;
    private readonly long[] _labels;

    /// <summary>Encodes <paramref name="count"/> images: smooth gradients with noise, so that they compress as photos do, not as noise.</summary>
    public DecodingDataset(int count, int seed = 0)
    {
        var random = new Random(seed);
        _encoded = new byte[count][];
        _labels = new long[count];
        var raw = new byte[Channels * Pixels];
        for (int i = 0; i < count; i++)
        {
            int phase = random.Next(256);
            for (int p = 0; p < raw.Length; p++)
                raw[p] = (byte)(phase + p / 7 % 64 + p % Width + random.Next(24));
            using var encoded = new MemoryStream();
            using (var zlib = new ZLibStream(encoded, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);
            _encoded[i] = encoded.ToArray();
            _labels[i] = random.Next(10);
        }
    }

    public override long Count => _encoded.Length;

    /// <summary>Inflates, converts and normalises sample <paramref name="index"/>: "data" (3×48×48 float) and "label".</summary>
    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        const int Length = Channels * Pixels;
        var raw = ArrayPool<byte>.Shared.Rent(Length);
        var data = empty(Channels, Height, Width);
        try
        {
            using (var zlib = new ZLibStream(new MemoryStream(_encoded[index]), CompressionMode.Decompress))
                zlib.ReadExactly(raw.AsSpan(0, Length));
            var values = MemoryMarshal.Cast<byte, float>(data.bytes);
            for (int p = 0; p < Length; p++) values[p] = (raw[p] / 255f - 0.5f) / 0.25f;
        }
        catch
        {
            data.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
        return new() { ["data"] = data, ["label"] = tensor(_labels[index]) };
    }

    /// <summary>The mean cost of <see cref="GetTensor"/> on one thread, tensors included, after a warm-up long enough for the JIT's optimised code.</summary>
    public double MeasureMicrosecondsPerSample(int samples = 2000)
    {
        for (var warmUp = Stopwatch.StartNew(); warmUp.ElapsedMilliseconds < 500;) Dispose(GetTensor(warmUp.ElapsedTicks % Count));
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < samples; i++) Dispose(GetTensor(i % Count));
        return clock.Elapsed.TotalMicroseconds / samples;
    }

    private static void Dispose(Dictionary<string, Tensor> sample)
    {
        foreach (var tensor in sample.Values) tensor.Dispose();
    }
}
