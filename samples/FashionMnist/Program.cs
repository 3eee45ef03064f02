using System.IO.Compression;
using static TorchSharp.torch;

// Placeholder until the trainer lands: reads the real Fashion-MNIST training images into a tensor.
const string folder = "/usr/share/datasets/fashion-mnist";
using var file = new GZipStream(File.OpenRead(Path.Combine(folder, "train-images-idx3-ubyte.gz")), CompressionMode.Decompress);
using var memory = new MemoryStream();
file.CopyTo(memory);
byte[] idx = memory.ToArray();
int count = idx[4] << 24 | idx[5] << 16 | idx[6] << 8 | idx[7];
using var images = tensor(idx[16..], ScalarType.Byte).reshape(count, 28, 28).to(ScalarType.Float32).div_(255);
Console.WriteLine($"Fashion-MNIST: {count} training images, mean pixel {images.mean().item<float>():F4}");
