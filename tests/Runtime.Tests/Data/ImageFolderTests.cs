using Composer.Data;
using SkiaSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>Image folders written by the tests: Fashion-MNIST test images encoded as PNG and JPEG with SkiaSharp.</summary>
public sealed class ImageFolderTests : IDisposable
{
    private static readonly string[] ClassNames = ["T-shirt", "Trouser", "Pullover"]; // sorted ordinally: Pullover, T-shirt, Trouser
    private readonly string _root = Directory.CreateTempSubdirectory("image-folder-").FullName;
    private readonly Dictionary<string, byte[]> _pixels = []; // the grey bytes encoded in each file

    public ImageFolderTests()
    {
        using var scope = NewDisposeScope();
        using var mnist = new Composer.Data.FashionMnist(train: false);
        var labels = mnist.Columns["label"].data<long>().ToArray();
        for (int label = 0; label < ClassNames.Length; label++)
        {
            string folder = Directory.CreateDirectory(Path.Combine(_root, ClassNames[label])).FullName;
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).Take(4).ToArray();
            for (int k = 0; k < rows.Length; k++)
            {
                using var image = mnist.Columns["data"][rows[k], 0].mul(255).round().to_type(ScalarType.Byte);
                byte[] grey = image.data<byte>().ToArray();
                bool png = k % 2 == 0;
                string path = Path.Combine(folder, $"{rows[k]:D5}.{(png ? "png" : "jpg")}");
                Write(path, grey, 28, 28, png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg);
                _pixels[path] = grey;
            }
        }
        File.WriteAllText(Path.Combine(_root, "T-shirt", "notes.txt"), "not an image, and skipped: not a .jpg, .jpeg or .png");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    internal static void Write(string path, byte[] grey, int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(grey, 0, bitmap.GetPixels(), grey.Length);
        using var data = bitmap.Encode(format, 95);
        File.WriteAllBytes(path, data.ToArray());
    }

    [Fact]
    public void ClassesAreTheSortedSubfoldersAndLabelsTheirIndices()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var folder = new ImageFolder(_root);
        Assert.Equal(["Pullover", "T-shirt", "Trouser"], folder.Classes);
        Assert.Equal(12, folder.Count);
        Assert.Equal([0L, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], folder.Labels);
        Assert.All(folder.Samples, s => Assert.Equal(folder.Classes[(int)s.Label], Path.GetFileName(Path.GetDirectoryName(s.Path))));
        Assert.DoesNotContain(folder.Samples, s => s.Path.EndsWith(".txt"));
    }

    [Fact]
    public void PngRoundTripsExactlyAndJpegClosely()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var grey = new ImageFolder(_root, channels: 1);
        using var rgb = new ImageFolder(_root);
        for (long i = 0; i < grey.Count; i++)
        {
            var (path, label) = grey.Samples[(int)i];
            var g = grey.GetTensor(i);
            var c = rgb.GetTensor(i);
            Assert.Equal(label, g.Label);
            Assert.Equal([1L, 28, 28], g.Data.shape);
            Assert.Equal([3L, 28, 28], c.Data.shape);
            Assert.Equal(ScalarType.Float32, c.Data.dtype);
            Assert.True(TestData.Same(c.Data[0], g.Data[0]) && TestData.Same(c.Data[1], g.Data[0]) && TestData.Same(c.Data[2], g.Data[0]), "a grey image has three equal channels");
            float[] written = _pixels[path].Select(b => b / 255f).ToArray();
            if (path.EndsWith(".png"))
                Assert.Equal(written, g.Data.data<float>().ToArray());
            else
            {
                using var original = tensor(written);
                Assert.InRange(g.Data.reshape(-1).sub(original).abs().mean().item<float>(), 0f, 0.03f); // JPEG is lossy, not far off
            }
        }
    }

    [Fact]
    public void ACorruptOrNonImageFileNamesTheFile()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        string bad = Path.Combine(_root, "Trouser", "zz-not-really.png");
        File.WriteAllText(bad, "this is text, not a PNG");
        string truncated = Path.Combine(_root, "Trouser", "zz-truncated.jpg");
        File.WriteAllBytes(truncated, File.ReadAllBytes(Directory.GetFiles(Path.Combine(_root, "Trouser"), "*.jpg")[0])[..40]);
        using var folder = new ImageFolder(_root);
        foreach (string path in new[] { bad, truncated })
        {
            long index = folder.Samples.Select(s => s.Path).ToList().IndexOf(path);
            var error = Assert.Throws<InvalidDataException>(() => folder.GetTensor(index));
            Assert.Contains(path, error.Message);
        }
        // Through a loader too: the error surfaces on MoveNext, with the file's name.
        using var loader = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(folder, ImageFolder.Collate, batchSize: 4);
        var thrown = Assert.Throws<InvalidDataException>(() => loader.ToList());
        Assert.Contains("zz-", thrown.Message);
    }

    [Fact]
    public void BadFoldersAndArgumentsAreClearErrors()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        string missing = Path.Combine(_root, "nope");
        Assert.Contains(missing, Assert.Throws<DirectoryNotFoundException>(() => new ImageFolder(missing)).Message);
        Directory.CreateDirectory(Path.Combine(_root, "Zempty"));
        Assert.Contains("Zempty", Assert.Throws<InvalidDataException>(() => new ImageFolder(_root)).Message);
        Directory.Delete(Path.Combine(_root, "Zempty"));
        Assert.Contains("2", Assert.Throws<ArgumentOutOfRangeException>("channels", () => new ImageFolder(_root, channels: 2)).Message);
        using var folder = new ImageFolder(_root);
        Assert.Contains("12", Assert.Throws<ArgumentOutOfRangeException>("index", () => folder.GetTensor(12)).Message);
    }

    private static ImageFolder Augmented(string root) => new(root, new Compose(
        new RandomCrop(28, padding: 4),
        new RandomHorizontalFlip(),
        new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f])));

    private static List<Dictionary<string, Tensor>> Epoch(EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> loader, int epoch)
    {
        loader.SetEpoch(epoch);
        return loader.ToList();
    }

    [Fact]
    public void AugmentedBatchesDependOnlyOnSeedEpochAndIndex()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var first = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(Augmented(_root), ImageFolder.Collate, batchSize: 5, shuffle: true, seed: 3, disposeDataset: true);
        using var second = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(Augmented(_root), ImageFolder.Collate, batchSize: 5, shuffle: true, seed: 3, prefetch: true, disposeDataset: true);
        var a = Epoch(first, 1);
        var b = Epoch(second, 1);
        Assert.Equal(3, a.Count);
        Assert.Equal([5L, 3, 28, 28], a[0]["data"].shape);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.True(TestData.Same(a[i]["data"], b[i]["data"]), $"batch {i} differs between two loaders of the same seed and epoch");
            Assert.True(TestData.Same(a[i]["label"], b[i]["label"]));
        }
        var resumed = second.IterateFrom(1).ToList(); // a mid-epoch resume: the same augmented batches
        Assert.True(TestData.Same(resumed[0]["data"], a[1]["data"]) && TestData.Same(resumed[1]["data"], a[2]["data"]));

        // Another epoch draws other crops and flips for the same samples.
        var unshuffled = new ImageFolder(_root, ((ImageFolder)first.Dataset).Transform);
        using var fixedOrder = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(unshuffled, ImageFolder.Collate, batchSize: 12, seed: 3, disposeDataset: true);
        foreach (var batch in a.Concat(b).Concat(resumed)) foreach (var t in batch.Values) t.Dispose(); // some were made on the prefetch thread
        var epoch1 = Epoch(fixedOrder, 1)[0]["data"];
        var epoch2 = Epoch(fixedOrder, 2)[0]["data"];
        Assert.False(TestData.Same(epoch1, epoch2));
        Assert.True(TestData.Same(epoch1, Epoch(fixedOrder, 1)[0]["data"]));
    }

    [Fact]
    public void CollateMakesTheTrainersBatchAndNamesMismatchedSizes()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var folder = new ImageFolder(_root, channels: 1);
        var batch = ImageFolder.Collate([folder.GetTensor(0), folder.GetTensor(5)], CPU);
        Assert.Equal([2L, 1, 28, 28], batch["data"].shape);
        Assert.Equal([0L, 1], batch["label"].data<long>().ToArray());
        var small = new LabeledImage(zeros(1, 20, 20), 0);
        var error = Assert.Throws<ArgumentException>("samples", () => ImageFolder.Collate([folder.GetTensor(0), small], CPU));
        Assert.Contains("Resize", error.Message);
    }

    [Fact]
    public void SamplesAreEveryJpegAndPngAtAnyDepthAnyCaseInOrdinalOrder()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        string pullover = Path.Combine(_root, "Pullover");
        byte[] grey = new byte[28 * 28];
        string nested = Directory.CreateDirectory(Path.Combine(pullover, "more", "deeper")).FullName;
        string[] added = [Path.Combine(pullover, "a.jpeg"), Path.Combine(pullover, "B.PNG"), Path.Combine(nested, "c.JPG"), Path.Combine(pullover, "zz.Jpeg")];
        foreach (string path in added) Write(path, grey, 28, 28, path.EndsWith("PNG") ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg);
        File.WriteAllText(Path.Combine(pullover, "d.gif"), "skipped");
        using var folder = new ImageFolder(_root);
        var files = folder.Samples.Where(s => s.Label == 0).Select(s => s.Path).ToList();
        Assert.Equal(8, files.Count);
        Assert.Subset(files.ToHashSet(), added.ToHashSet());
        Assert.Equal(files.Order(StringComparer.Ordinal), files); // "B.PNG" before "a.jpeg": ordinal, not by culture or case
        Assert.Equal([3L, 28, 28], folder.GetTensor(files.IndexOf(added[2])).Data.shape);
    }

    [Fact]
    public void ARootThatIsNoFolderOfClassFoldersNamesTheRoot()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        Assert.Throws<ArgumentNullException>("root", () => new ImageFolder(null!));
        string file = Path.Combine(_root, "T-shirt", "notes.txt");
        var notAFolder = Assert.Throws<DirectoryNotFoundException>(() => new ImageFolder(file));
        Assert.Contains($"root '{file}' is not a folder", notAFolder.Message);
        string empty = Directory.CreateDirectory(Path.Combine(_root, "Trouser", "empty")).FullName;
        Assert.Contains($"root '{empty}' has no subfolders", Assert.Throws<InvalidDataException>(() => new ImageFolder(empty)).Message);
        string onlyText = Directory.CreateDirectory(Path.Combine(_root, "Ztext")).FullName;
        File.WriteAllText(Path.Combine(onlyText, "readme.txt"), "no images here");
        var noImages = Assert.Throws<InvalidDataException>(() => new ImageFolder(_root));
        Assert.Contains($"Class folder '{onlyText}' holds no JPEG or PNG file (.jpg, .jpeg, .png)", noImages.Message);
    }

    [Fact]
    public void BadArgumentsAreNamedWithTheirValues()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        Assert.Contains("channels must be 1 (grey) or 3 (RGB), but was 2.", Assert.Throws<ArgumentOutOfRangeException>("channels", () => new ImageFolder(_root, channels: 2)).Message);
        using var folder = new ImageFolder(_root);
        Assert.Contains("index must be in [0, 11], but was 12.", Assert.Throws<ArgumentOutOfRangeException>("index", () => folder.GetTensor(12)).Message);
        Assert.Contains("index must be in [0, 11], but was -1.", Assert.Throws<ArgumentOutOfRangeException>("index", () => folder.GetSample(-1, new SampleRandom(0, 0, 0))).Message);
        Assert.Throws<ArgumentNullException>("random", () => folder.GetSample(0, null!));
        Assert.Throws<ArgumentNullException>("samples", () => ImageFolder.Collate(null!, CPU));
        Assert.Contains("at least one image", Assert.Throws<ArgumentException>("samples", () => ImageFolder.Collate([], CPU)).Message);
    }

    [Fact]
    public void CollateDisposesTheSamplesAlsoWhenTheirSizesDiffer()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var folder = new ImageFolder(_root, channels: 1);
        var samples = new[] { folder.GetTensor(0), folder.GetTensor(5) };
        var batch = ImageFolder.Collate(samples, CPU);
        Assert.All(samples, s => Assert.True(s.Data.IsInvalid));
        Assert.False(batch["data"].IsInvalid);
        var mismatched = new[] { folder.GetTensor(0), new LabeledImage(zeros(1, 20, 24), 0) };
        var error = Assert.Throws<ArgumentException>("samples", () => ImageFolder.Collate(mismatched, CPU));
        Assert.Contains("samples[0] is [1, 28, 28] and samples[1] is [1, 20, 24]", error.Message);
        Assert.All(mismatched, s => Assert.True(s.Data.IsInvalid));
    }

    [Fact]
    public void APngCutAfterItsHeaderFailsNamingTheFile()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        string png = Directory.GetFiles(Path.Combine(_root, "Trouser"), "*.png")[0];
        byte[] bytes = File.ReadAllBytes(png);
        File.WriteAllBytes(png, bytes[..(bytes.Length / 2)]); // the header is whole, the pixels are not
        using var folder = new ImageFolder(_root);
        long index = folder.Samples.Select(s => s.Path).ToList().IndexOf(png);
        var error = Assert.Throws<InvalidDataException>(() => folder.GetTensor(index));
        Assert.Contains($"'{png}' could not be decoded", error.Message);
    }
}
