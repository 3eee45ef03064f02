using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// Images stored one folder per class, <c>root/class/xyz.png</c>, as torchvision's <c>ImageFolder</c> reads them:
/// the classes are the subfolders' names sorted ordinally, a sample's label is its class's index, and the samples
/// are the JPEG and PNG files (<c>.jpg</c>, <c>.jpeg</c>, <c>.png</c>, any case) under each class folder, at any
/// depth, in ordinal order of their paths. Other files are skipped.
/// </summary>
/// <remarks>
/// <para>Images are decoded with SkiaSharp when a sample is loaded, into C×H×W float32 tensors in [0, 1], and then
/// go through <see cref="Transform"/>, which draws from the sample's <see cref="SampleRandom"/>: with
/// <see cref="EpochDataLoader{T, TBatch}"/>, an augmented sample depends only on the loader's seed, the epoch and
/// the index. Pass <see cref="Collate"/> to the loader for the trainer's batches, <c>"data"</c> and <c>"label"</c>.</para>
/// <para>Loading a sample is thread-safe. A file that is not a decodable image fails its sample with an
/// <see cref="InvalidDataException"/> naming the file.</para>
/// <para>On Linux, Skia's native library comes from the package <c>SkiaSharp.NativeAssets.Linux.NoDependencies</c>,
/// a dependency of Composer.Runtime, and needs glibc 2.27 or newer.</para>
/// </remarks>
public sealed class ImageFolder : torch.utils.data.Dataset<LabeledImage>, IRandomizedDataset<LabeledImage>
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    private readonly (string Path, long Label)[] _samples;
    private readonly int _channels;

    /// <summary>Indexes the images under <paramref name="root"/>.</summary>
    /// <param name="root">The folder with one subfolder per class.</param>
    /// <param name="transform">Applied to every decoded image; none when null.</param>
    /// <param name="channels">3 for RGB (alpha dropped, grey images repeated), 1 for grey (ITU-R 601 luma, as PIL's <c>convert("L")</c>).</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channels"/> is neither 1 nor 3.</exception>
    /// <exception cref="InvalidDataException"><paramref name="root"/> has no class folder, or a class folder holds no JPEG or PNG file.</exception>
    public ImageFolder(string root, ITransform? transform = null, int channels = 3)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"channels must be 1 (grey) or 3 (RGB), but was {channels}.");
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"root '{root}' is not a folder: an image folder holds one subfolder of images per class.");
        Root = root;
        Transform = transform;
        _channels = channels;

        Classes = Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        if (Classes.Count == 0)
            throw new InvalidDataException($"root '{root}' has no subfolders: an image folder holds one subfolder of images per class.");
        var samples = new List<(string, long)>();
        for (int label = 0; label < Classes.Count; label++)
        {
            string folder = Path.Combine(root, Classes[label]);
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
                throw new InvalidDataException($"Class folder '{folder}' holds no JPEG or PNG file ({string.Join(", ", Extensions)}).");
            samples.AddRange(files.Select(f => (f, (long)label)));
        }
        _samples = [.. samples];
        Labels = _samples.Select(s => s.Label).ToArray();
    }

    /// <summary>The folder the images are under.</summary>
    public string Root { get; }
    /// <summary>The class names, the subfolders of <see cref="Root"/> in ordinal order; a label is an index into it.</summary>
    public IReadOnlyList<string> Classes { get; }
    /// <summary>Each sample's file and label, in sample order.</summary>
    public IReadOnlyList<(string Path, long Label)> Samples => _samples;
    /// <summary>Each sample's label, in sample order (for a <see cref="ClassBalancedBatchSampler"/>, say).</summary>
    public IReadOnlyList<long> Labels { get; }
    /// <summary>The transform applied to every decoded image, or null.</summary>
    public ITransform? Transform { get; }
    /// <summary>Channels of a decoded image: 3 (RGB) or 1 (grey).</summary>
    public int Channels => _channels;

    /// <summary>The number of images.</summary>
    public override long Count => _samples.Length;

    /// <summary>Sample <paramref name="index"/> with the generator of seed 0, epoch 0: what TorchSharp's own <c>DataLoader</c> gets.</summary>
    public override LabeledImage GetTensor(long index) => GetSample(index, new SampleRandom(0, 0, index));

    /// <summary>Decodes image <paramref name="index"/> and applies <see cref="Transform"/>, which draws from <paramref name="random"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    /// <exception cref="InvalidDataException">The file is not a decodable JPEG or PNG; the message names it.</exception>
    public LabeledImage GetSample(long index, SampleRandom random)
    {
        if (index < 0 || index >= _samples.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {_samples.Length - 1}], but was {index}.");
        ArgumentNullException.ThrowIfNull(random);
        var (path, label) = _samples[index];
        using var scope = NewDisposeScope();
        var image = ImageDecoding.Decode(path, _channels);
        if (Transform is not null) image = Transform.Apply(image, random);
        return new LabeledImage(image.MoveToOuterDisposeScope(), label);
    }

    /// <summary>
    /// Makes the trainer's batch from samples: <c>"data"</c>, the images stacked (N×C×H×W float32), and <c>"label"</c>
    /// (N int64), on <paramref name="device"/>. Disposes the samples' tensors. A collate function for
    /// <see cref="EpochDataLoader{T, TBatch}"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No samples, or images of different sizes (add a <see cref="Resize"/> or <see cref="RandomCrop"/>).</exception>
    public static Dictionary<string, Tensor> Collate(IReadOnlyList<LabeledImage> samples, Device device)
    {
        ArgumentNullException.ThrowIfNull(samples);
        try
        {
            if (samples.Count == 0) throw new ArgumentException("samples must hold at least one image.", nameof(samples));
            var shape = samples[0].Data.shape;
            for (int i = 1; i < samples.Count; i++)
                if (!samples[i].Data.shape.SequenceEqual(shape))
                    throw new ArgumentException(
                        $"Images of one batch must have one size, but samples[0] is [{string.Join(", ", shape)}] and samples[{i}] is [{string.Join(", ", samples[i].Data.shape)}]: add a Resize or RandomCrop transform.",
                        nameof(samples));
            using var scope = NewDisposeScope();
            var data = stack(samples.Select(s => s.Data).ToArray()).to(device);
            var label = tensor(samples.Select(s => s.Label).ToArray(), ScalarType.Int64).to(device);
            return new Dictionary<string, Tensor> { ["data"] = data.MoveToOuterDisposeScope(), ["label"] = label.MoveToOuterDisposeScope() };
        }
        finally
        {
            foreach (var sample in samples) sample.Data?.Dispose();
        }
    }
}
