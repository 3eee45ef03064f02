using System.Buffers.Binary;
using System.IO.Compression;
using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>The real Fashion-MNIST files of the Debian package dataset-fashion-mnist (eng/prerequisites.sh installs it), and small IDX files written by the tests.</summary>
public sealed class FashionMnistTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fashion-mnist-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An IDX file as the format defines it: a big-endian magic number (0x0000, the type 0x08 for bytes, the number of dimensions), the sizes, the bytes.</summary>
    private static byte[] Idx(int[] shape, byte[] data, int? magic = null)
    {
        var bytes = new byte[4 + 4 * shape.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic ?? (0x0800 | shape.Length));
        for (int d = 0; d < shape.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), shape[d]);
        data.CopyTo(bytes, 4 + 4 * shape.Length);
        return bytes;
    }

    /// <summary>A split of <paramref name="n"/> 2×3 images whose pixel k of image i is 10 i + k, labelled i % 10; the images gzipped.</summary>
    private void WriteSplit(string prefix, int n, int labels = -1)
    {
        byte[] pixels = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, 6).Select(k => (byte)(10 * i + k))).ToArray();
        using (var file = File.Create(Path.Combine(_folder, $"{prefix}-images-idx3-ubyte.gz")))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
            zip.Write(Idx([n, 2, 3], pixels));
        if (labels < 0) labels = n;
        File.WriteAllBytes(Path.Combine(_folder, $"{prefix}-labels-idx1-ubyte"), Idx([labels], Enumerable.Range(0, labels).Select(i => (byte)(i % 10)).ToArray()));
    }

    [Fact]
    public void ReadsTheTestSplit()
    {
        using var test = new FashionMnist(train: false);
        Assert.Equal(10_000, test.Count);
        Assert.Equal([10_000L, 1, 28, 28], test.Columns["data"].shape);
        Assert.Equal(ScalarType.Int64, test.Columns["label"].dtype);
        var counts = test.Columns["label"].bincount(null).data<long>().ToArray();
        Assert.Equal(Enumerable.Repeat(1000L, 10), counts); // the test split is balanced: 1,000 per class
        Assert.InRange(test.Columns["data"].max().item<float>(), 0.99f, 1f);
        Assert.Equal(0f, test.Columns["data"].min().item<float>());
    }

    [Fact]
    public void AMissingFolderNamesTheFolderAndThePackage()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-fashion-mnist-here");
        var error = Assert.Throws<FileNotFoundException>(() => new FashionMnist(folder));
        Assert.Contains(folder, error.Message);
        Assert.Contains("dataset-fashion-mnist", error.Message);
    }

    [Fact]
    public void ReadsTheSplitAskedForFromIdxFilesGzippedOrNot()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        WriteSplit("train", 5);
        WriteSplit("t10k", 3);
        using var train = new FashionMnist(_folder);
        using var test = new FashionMnist(_folder, train: false);
        Assert.Equal((5L, 3L), (train.Count, test.Count));
        Assert.Equal([3L, 1, 2, 3], test.Columns["data"].shape);
        var expected = Enumerable.Range(0, 5 * 6).Select(p => (10 * (p / 6) + p % 6) / 255f).ToArray();
        Assert.Equal(expected, train.Columns["data"].data<float>().ToArray());
        Assert.Equal([0L, 1, 2, 3, 4], train.Columns["label"].data<long>().ToArray());

        // An empty split is a valid IDX file too: no images, no labels.
        WriteSplit("t10k", 0);
        using var none = new FashionMnist(_folder, train: false);
        Assert.Equal(0, none.Count);
    }

    [Fact]
    public void BadFilesAreInvalidDataNamingTheFileAndWhatIsWrong()
    {
        Assert.Throws<ArgumentNullException>("folder", () => new FashionMnist(null!));

        WriteSplit("t10k", 4, labels: 3);
        var counts = Assert.Throws<InvalidDataException>(() => new FashionMnist(_folder, train: false));
        Assert.Contains($"'{_folder}' holds 4 t10k images but 3 labels", counts.Message);

        WriteSplit("t10k", 3);
        string labels = Path.Combine(_folder, "t10k-labels-idx1-ubyte");
        File.WriteAllBytes(labels, Idx([3], [1, 2, 3], magic: 2051)); // the images' magic number in the labels' file
        Assert.Contains($"'{labels}' is not an IDX file with magic number 2049", Assert.Throws<InvalidDataException>(() => new FashionMnist(_folder, train: false)).Message);
        File.WriteAllBytes(labels, Idx([3], [1, 2, 3])[..6]); // cut inside its header
        Assert.Contains($"'{labels}' is not an IDX file", Assert.Throws<InvalidDataException>(() => new FashionMnist(_folder, train: false)).Message);
        File.WriteAllBytes(labels, Idx([3], [1, 2])); // a byte short
        Assert.Contains($"'{labels}' should hold 3 bytes of data after its header but holds 2", Assert.Throws<InvalidDataException>(() => new FashionMnist(_folder, train: false)).Message);
    }
}
