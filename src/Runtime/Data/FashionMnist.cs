using System.Buffers.Binary;
using System.IO.Compression;
using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// Fashion-MNIST (70,000 28×28 grey images of clothing in 10 classes) read from its IDX files, as the
/// Debian package <c>dataset-fashion-mnist</c> installs them under <see cref="DefaultFolder"/> (gzipped or not).
/// Columns: <c>"data"</c> (N×1×28×28 float32 in [0, 1]) and <c>"label"</c> (N int64).
/// </summary>
/// <remarks>TorchSharp's own reader lives in the separate TorchVision package and downloads; this one reads local files only.</remarks>
public class FashionMnist : InMemoryDataset
{
    /// <summary>Where <c>apt-get install dataset-fashion-mnist</c> puts the files.</summary>
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Reads the training (60,000) or test (10,000) split.</summary>
    /// <param name="folder">The folder with <c>train-images-idx3-ubyte[.gz]</c> and its siblings.</param>
    /// <param name="train">The training split; otherwise the test split.</param>
    public FashionMnist(string folder = DefaultFolder, bool train = true) : base(Read(folder, train)) { }

    private static Dictionary<string, Tensor> Read(string folder, bool train)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string prefix = train ? "train" : "t10k";
        byte[] images = ReadIdx(folder, $"{prefix}-images-idx3-ubyte", magic: 2051, out int[] imageShape);
        byte[] labels = ReadIdx(folder, $"{prefix}-labels-idx1-ubyte", magic: 2049, out int[] labelShape);
        if (imageShape[0] != labelShape[0])
            throw new InvalidDataException($"'{folder}' holds {imageShape[0]} {prefix} images but {labelShape[0]} labels.");
        using var scope = NewDisposeScope();
        var data = tensor(images, [imageShape[0], 1, imageShape[1], imageShape[2]], ScalarType.Byte).to_type(ScalarType.Float32).div_(255f);
        var label = tensor(labels, ScalarType.Byte).to_type(ScalarType.Int64);
        return new Dictionary<string, Tensor> { ["data"] = data.MoveToOuterDisposeScope(), ["label"] = label.MoveToOuterDisposeScope() };
    }

    private static byte[] ReadIdx(string folder, string name, int magic, out int[] shape)
    {
        string path = Path.Combine(folder, name);
        Stream stream;
        if (File.Exists(path)) stream = File.OpenRead(path);
        else if (File.Exists(path + ".gz")) stream = new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
        else throw new FileNotFoundException(
            $"Fashion-MNIST file '{name}' (or '{name}.gz') is not in '{folder}'. On Debian: apt-get install dataset-fashion-mnist (installs to {DefaultFolder}).",
            path);
        using (stream)
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            byte[] bytes = memory.ToArray();
            if (bytes.Length < 8 || BinaryPrimitives.ReadInt32BigEndian(bytes) != magic)
                throw new InvalidDataException($"'{path}' is not an IDX file with magic number {magic}.");
            int dims = magic & 0xff;
            shape = new int[dims];
            for (int d = 0; d < dims; d++) shape[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            int header = 4 + 4 * dims;
            long expected = shape.Aggregate(1L, (a, b) => a * b);
            if (bytes.Length - header != expected)
                throw new InvalidDataException($"'{path}' should hold {expected} bytes of data after its header but holds {bytes.Length - header}.");
            return bytes[header..];
        }
    }
}
