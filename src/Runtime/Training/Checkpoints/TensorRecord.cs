using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// How a checkpoint stores a tensor: its dtype (int32), rank (int32), sizes (int64 each) and byte count (int64),
/// then its bytes in C order, streamed in pieces of at most 1 GiB so that a tensor of any size is written and read
/// without a copy of it in managed memory.
/// </summary>
internal readonly record struct TensorRecord(ScalarType DType, long[] Shape, long ByteCount)
{
    private const long Piece = 1L << 30;
    private const int MaxRank = 64;

    /// <summary>The record of <paramref name="tensor"/>.</summary>
    public static TensorRecord Of(Tensor tensor) => new(tensor.dtype, tensor.shape, tensor.NumberOfElements * tensor.ElementSize);

    /// <summary>Reads a record's metadata, checking that it is consistent.</summary>
    /// <exception cref="InvalidDataException">The metadata is not that of a tensor.</exception>
    public static TensorRecord Read(BinaryReader reader)
    {
        var dtype = (ScalarType)reader.ReadInt32();
        long elementSize = ElementSize(dtype);
        int rank = reader.ReadInt32();
        if (rank is < 0 or > MaxRank)
        {
            throw new InvalidDataException($"a tensor of rank {rank}");
        }

        var shape = new long[rank];
        long elements = 1;
        for (int i = 0; i < rank; i++)
        {
            shape[i] = reader.ReadInt64();
            elements = shape[i] >= 0 && elements <= long.MaxValue / Math.Max(shape[i], 1)
                ? elements * shape[i]
                : throw new InvalidDataException($"a tensor of shape [{string.Join(", ", shape[..(i + 1)])}]");
        }

        long bytes = reader.ReadInt64();
        if (elements > long.MaxValue / elementSize || bytes != elements * elementSize)
        {
            throw new InvalidDataException($"a {dtype} tensor of shape [{string.Join(", ", shape)}] with {bytes} bytes");
        }

        return new TensorRecord(dtype, shape, bytes);
    }

    /// <summary>Writes the metadata (not the bytes).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write((int)DType);
        writer.Write(Shape.Length);
        foreach (long size in Shape)
        {
            writer.Write(size);
        }

        writer.Write(ByteCount);
    }

    /// <summary>Whether <paramref name="tensor"/> has this dtype and shape.</summary>
    public bool Fits(Tensor tensor) => tensor.dtype == DType && tensor.shape.SequenceEqual(Shape);

    /// <summary>Like <c>Float32[64, 784]</c>.</summary>
    public override string ToString() => $"{DType}[{string.Join(", ", Shape)}]";

    /// <summary>Writes <paramref name="tensor"/>'s record and bytes; a tensor not on the CPU is copied there first.</summary>
    public static void Write(BinaryWriter writer, Stream stream, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var cpu = tensor.detach().cpu().contiguous(); // no copy for a contiguous CPU tensor
        Of(cpu).Write(writer);
        WriteBytes(stream, cpu);
    }

    /// <summary>Writes a contiguous CPU tensor's bytes.</summary>
    public static void WriteBytes(Stream stream, Tensor cpu)
    {
        using var scope = NewDisposeScope();
        foreach (var piece in Pieces(cpu))
        {
            stream.Write(piece.bytes);
        }
    }

    /// <summary>Reads this record's bytes into <paramref name="target"/>, which has its dtype and shape.</summary>
    public void ReadInto(Stream stream, Tensor target)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (target.device_type == DeviceType.CPU && target.is_contiguous())
        {
            ReadBytes(stream, target.detach()); // straight into the target's memory
            return;
        }

        var staging = empty(Shape, DType);
        ReadBytes(stream, staging);
        target.copy_(staging);
    }

    /// <summary>Reads this record's bytes into a new CPU tensor.</summary>
    public Tensor ReadNew(Stream stream)
    {
        var tensor = empty(Shape, DType);
        try
        {
            ReadBytes(stream, tensor);
            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }

    /// <summary>Reads past this record's bytes.</summary>
    public void Skip(Stream stream, byte[] buffer) => CheckpointReader.Skip(stream, ByteCount, buffer);

    private static void ReadBytes(Stream stream, Tensor cpu)
    {
        using var scope = NewDisposeScope();
        foreach (var piece in Pieces(cpu))
        {
            stream.ReadExactly(piece.bytes);
        }
    }

    /// <summary>A contiguous CPU tensor's memory as consecutive views of at most <see cref="Piece"/> bytes, in the caller's dispose scope.</summary>
    private static IEnumerable<Tensor> Pieces(Tensor cpu)
    {
        var flat = cpu.reshape(-1);
        long count = flat.shape[0];
        long step = Math.Max(1, Piece / flat.ElementSize);
        for (long start = 0; start < count; start += step)
        {
            yield return flat.narrow(0, start, Math.Min(step, count - start));
        }
    }

    private static long ElementSize(ScalarType dtype) => dtype switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new InvalidDataException($"a tensor of unknown dtype {(int)dtype}"),
    };
}
