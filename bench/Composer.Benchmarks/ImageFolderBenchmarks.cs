using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Composer.Data;
using SkiaSharp;
using static TorchSharp.torch;

namespace Composer.Benchmarks;

/// <summary>
/// Decoding an image folder: one shuffled, augmented epoch (random crop with padding, horizontal flip) of 2,048 28×28
/// images, half PNG, half JPEG, batch 64, made from Fashion-MNIST's test images when the Debian package
/// <c>dataset-fashion-mnist</c> is installed and from generated pictures otherwise. The baseline is the plain loop a
/// user would write on one thread over the same files: <c>GetSample</c> for each index, then <see cref="ImageFolder.Collate"/>.
/// </summary>
public class ImageFolderBenchmarks
{
    private const int Images = 2048, BatchSize = 64, Classes = 10;
    private string _root = null!;
    private ImageFolder _folder = null!;
    private int _epoch;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("image-folder-bench-").FullName;
        var (pixels, labels, source) = Pictures();
        for (int i = 0; i < Images; i++)
        {
            string folder = Directory.CreateDirectory(Path.Combine(_root, $"class{labels[i]}")).FullName;
            bool png = i % 2 == 0;
            using var bitmap = new SKBitmap(new SKImageInfo(28, 28, SKColorType.Gray8, SKAlphaType.Opaque));
            System.Runtime.InteropServices.Marshal.Copy(pixels, i * 784, bitmap.GetPixels(), 784);
            using var encoded = bitmap.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 95);
            File.WriteAllBytes(Path.Combine(folder, $"{i:D5}.{(png ? "png" : "jpg")}"), encoded.ToArray());
        }
        _folder = new ImageFolder(_root, new Compose(new RandomCrop(28, padding: 4), new RandomHorizontalFlip()), channels: 1);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Images; i++) _folder.GetTensor(i).Data.Dispose();
        Console.WriteLine($"// ImageFolder of {source}: {clock.Elapsed.TotalMicroseconds / Images:F1} µs per image (decode + augment) on one thread; {Environment.ProcessorCount} cores");
    }

    /// <summary>Fashion-MNIST's first test images if installed, else deterministic generated ones.</summary>
    private static (byte[] Pixels, long[] Labels, string Source) Pictures()
    {
        if (File.Exists(Path.Combine(FashionMnist.DefaultFolder, "t10k-images-idx3-ubyte.gz")))
        {
            using var scope = NewDisposeScope();
            using var mnist = new FashionMnist(train: false);
            byte[] pixels = mnist.Columns["data"].narrow(0, 0, Images).mul(255).round().to_type(ScalarType.Byte).data<byte>().ToArray();
            long[] labels = mnist.Columns["label"].narrow(0, 0, Images).data<long>().ToArray();
            return (pixels, labels, "Fashion-MNIST test images");
        }
        var random = new Random(0);
        var generated = new byte[Images * 784];
        for (int p = 0; p < generated.Length; p++) generated[p] = (byte)(p % 784 / 28 * 9 + random.Next(16));
        return (generated, Enumerable.Range(0, Images).Select(i => (long)(i % Classes)).ToArray(), "generated pictures");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _folder.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "one thread: GetSample + Collate loop")]
    public double SingleThreadedLoop()
    {
        int epoch = _epoch++;
        var order = new RandomSampler(Images, seed: 0);
        order.SetEpoch(epoch);
        double checksum = 0;
        foreach (var chunk in order.Chunk(BatchSize))
        {
            var batch = ImageFolder.Collate(chunk.Select(i => _folder.GetSample(i, new SampleRandom(0, epoch, i))).ToList(), CPU);
            checksum += batch["data"].shape[0];
            foreach (var column in batch.Values) column.Dispose();
        }
        return checksum;
    }

    private double Loader(int workers)
    {
        using var loader = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(_folder, ImageFolder.Collate, batchSize: BatchSize, shuffle: true, workers: workers);
        loader.SetEpoch(_epoch++);
        double checksum = 0;
        foreach (var batch in loader)
        {
            checksum += batch["data"].shape[0];
            foreach (var column in batch.Values) column.Dispose();
        }
        return checksum;
    }

    [Benchmark(Description = "EpochDataLoader<LabeledImage, …>, workers: 0")]
    public double LoaderWithoutWorkers() => Loader(workers: 0);

    [Benchmark(Description = "EpochDataLoader<LabeledImage, …>, workers: 2")]
    public double LoaderWithTwoWorkers() => Loader(workers: 2);
}
