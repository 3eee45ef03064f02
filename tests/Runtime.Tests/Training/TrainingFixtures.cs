using System.Collections.Concurrent;
using System.IO.Compression;
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>Small real models on the first images of the real Fashion-MNIST training set.</summary>
internal static class TrainingFixtures
{
    public const string DataFolder = "/usr/share/datasets/fashion-mnist";
    private const int Cached = 2048;
    private static readonly Lazy<(byte[] Images, byte[] Labels)> Raw = new(() =>
        (ReadIdx("train-images-idx3-ubyte.gz", 16, Cached * 784), ReadIdx("train-labels-idx1-ubyte.gz", 8, Cached)));

    /// <summary>The first <paramref name="count"/> training images (N×1×28×28 in 0..1) and labels.</summary>
    public static (Tensor Data, Tensor Label) Subset(int count)
    {
        var (images, labels) = Raw.Value;
        var data = tensor(images.AsSpan(0, count * 784).ToArray(), new long[] { count, 1, 28, 28 }).to(ScalarType.Float32).div_(255);
        var label = tensor(labels.AsSpan(0, count).ToArray().Select(b => (long)b).ToArray());
        return (data, label);
    }

    /// <summary>Fixed batches of the first <paramref name="count"/> images, in order.</summary>
    public static List<Dictionary<string, Tensor>> Batches(int count, int batchSize)
    {
        var (data, label) = Subset(count);
        var batches = new List<Dictionary<string, Tensor>>();
        for (int start = 0; start < count; start += batchSize)
        {
            int length = Math.Min(batchSize, count - start);
            batches.Add(new Dictionary<string, Tensor>
            {
                ["data"] = data.narrow(0, start, length).clone(),
                ["label"] = label.narrow(0, start, length).clone(),
            });
        }

        data.Dispose();
        label.Dispose();
        return batches;
    }

    /// <summary>An in-memory data set of the first <paramref name="count"/> training images (it owns its tensors).</summary>
    public static InMemoryDataset Dataset(int count)
    {
        var (data, label) = Subset(count);
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = data, ["label"] = label });
    }

    /// <summary>The labels of the first <paramref name="count"/> training images.</summary>
    public static long[] Labels(int count) => Raw.Value.Labels.Take(count).Select(b => (long)b).ToArray();

    /// <summary>A small MLP classifier whose initial weights come from <paramref name="seed"/>.</summary>
    public static ComposerClassifier Mlp(int seed, double dropout = 0.2)
    {
        Reproducibility.SeedAll(seed);
        return new ComposerClassifier(nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 64)),
            ("relu", nn.ReLU()),
            ("dropout", nn.Dropout(dropout)),
            ("fc2", nn.Linear(64, 10))));
    }

    /// <summary>A small convolutional classifier that takes images of any size (global average pooling).</summary>
    public static ComposerClassifier Cnn(int seed)
    {
        Reproducibility.SeedAll(seed);
        return new ComposerClassifier(nn.Sequential(
            ("conv", nn.Conv2d(1, 4, 3, padding: 1)),
            ("relu", nn.ReLU()),
            ("pool", nn.AdaptiveAvgPool2d(1)),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(4, 10))));
    }

    /// <summary>Every parameter and buffer of <paramref name="model"/>, flattened, by name.</summary>
    public static Dictionary<string, float[]> Weights(nn.Module model) =>
        model.state_dict().Where(p => p.Value.dtype == ScalarType.Float32)
            .ToDictionary(p => p.Key, p => p.Value.detach().cpu().data<float>().ToArray());

    /// <summary>The optimizer's state as TorchSharp writes it, to compare two states byte for byte.</summary>
    public static byte[] OptimizerState(optim.Optimizer optimizer)
    {
        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);
        }

        return state.ToArray();
    }

    /// <summary>A fresh folder under the temp directory, deleted when the test process ends.</summary>
    public static string TempFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "composer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        TempFolders.Add(folder);
        return folder;
    }

    // Checkpoints and logs add up to gigabytes over repeated runs of the suite: each run removes what it made.
    private static readonly ConcurrentBag<string> TempFolders = CleanedAtExit();

    private static ConcurrentBag<string> CleanedAtExit()
    {
        var folders = new ConcurrentBag<string>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (string folder in folders)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        };
        return folders;
    }

    /// <summary>A checkpoint file's bytes with <paramref name="body"/> sealed as the writer seals it: the end marker and the body's SHA-256.</summary>
    public static byte[] Sealed(byte[] body) => [.. body, .. Checkpoint.EndMagic, .. System.Security.Cryptography.SHA256.HashData(body)];

    private static byte[] ReadIdx(string file, int header, int bytes)
    {
        using var stream = new GZipStream(File.OpenRead(Path.Combine(DataFolder, file)), CompressionMode.Decompress);
        var buffer = new byte[header + bytes];
        stream.ReadExactly(buffer);
        return buffer[header..];
    }
}
