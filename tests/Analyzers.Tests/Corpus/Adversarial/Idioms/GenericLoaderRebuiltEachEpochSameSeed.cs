// Scenario: a CIFAR-style tuple data set with TorchSharp's generic DataLoader<T, S> and a collate function, rebuilt at the top of every epoch with shuffle: true and seed: 42; wrong: a new loader with the same seed gives the same order every epoch.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.Cifar;

public sealed class CifarTensors : torch.utils.data.Dataset<(Tensor image, Tensor label)>
{
    private readonly Tensor _images;
    private readonly Tensor _labels;

    public CifarTensors(long count)
    {
        _images = rand(count, 3, 32, 32);
        _labels = randint(0, 10, new long[] { count }, dtype: ScalarType.Int64);
    }

    public override long Count => _labels.shape[0];

    public override (Tensor image, Tensor label) GetTensor(long index) => (_images[index], _labels[index]);
}

public static class Program
{
    private const int Epochs = 20;
    private const int BatchSize = 128;

    private static (Tensor, Tensor) Collate(IEnumerable<(Tensor image, Tensor label)> items, Device device)
    {
        var list = items.ToList();
        var images = stack(list.Select(i => i.image).ToArray()).to(device);
        var labels = stack(list.Select(i => i.label).ToArray()).to(device);
        return (images, labels);
    }

    public static void Main()
    {
        var device = cuda.is_available() ? CUDA : CPU;
        var trainSet = new CifarTensors(50_000);
        var model = Sequential(("flatten", Flatten()), ("fc", Linear(3 * 32 * 32, 10))).to(device);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var criterion = CrossEntropyLoss();

        for (int epoch = 1; epoch <= Epochs; epoch++)
        {
            using var loader = new DataLoader<(Tensor image, Tensor label), (Tensor, Tensor)>(trainSet, BatchSize, Collate, shuffle: true, device: device, seed: 42, disposeDataset: false); //! CMP003
            model.train();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            float last = 0;
            foreach (var (images, labels) in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = criterion.call(model.call(images), labels);
                loss.backward();
                optimizer.step();
                last = loss.ToSingle();
            }
            Console.WriteLine($"Epoch {epoch}: loss {last:F4} in {sw.Elapsed.TotalSeconds:F1}s");
        }
    }
}
