// Scenario: the TorchSharp MNIST example as people retype it: Main builds DataLoader(shuffle: true) without a seed, Train/Test helpers run from an epoch loop with StepLR; correct (no seed: a fresh order every epoch, and TorchSharp's loader has no epoch to set).
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.MnistExample;

public static class Program
{
    private static readonly int _epochs = 4;
    private static readonly int _trainBatchSize = 64;
    private static readonly int _testBatchSize = 128;
    private static readonly int _logInterval = 100;

    public static void Main(string[] args)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        Console.WriteLine($"Running MNIST on {device.type}");
        random.manual_seed(1);

        using var trainData = new FashionMnist(FashionMnist.DefaultFolder, train: true);
        using var testData = new FashionMnist(FashionMnist.DefaultFolder, train: false);
        using var train = new DataLoader(trainData, _trainBatchSize, shuffle: true, device: device, disposeDataset: false);
        using var test = new DataLoader(testData, _testBatchSize, shuffle: false, device: device, disposeDataset: false);

        using var model = new Model("model", device);
        var optimizer = optim.Adam(model.parameters());
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);
        var loss = CrossEntropyLoss();

        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var epoch = 1; epoch <= _epochs; epoch++)
        {
            Train(model, optimizer, loss, train, epoch, trainData.Count);
            Test(model, loss, test, testData.Count);
            scheduler.step();
        }
        Console.WriteLine($"Elapsed time: {sw.Elapsed.TotalSeconds:F1} s.");
    }

    private static void Train(Model model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> loss,
        DataLoader dataLoader, int epoch, long size)
    {
        model.train();
        int batchId = 1;
        Console.WriteLine($"Epoch: {epoch}...");
        foreach (var data in dataLoader)
        {
            using (var d = NewDisposeScope())
            {
                optimizer.zero_grad();
                var prediction = model.call(data["data"]);
                var output = loss.call(prediction, data["label"]);
                output.backward();
                optimizer.step();
                if (batchId % _logInterval == 0)
                    Console.WriteLine($"\rTrain: epoch {epoch} [{batchId * _trainBatchSize} / {size}] Loss: {output.ToSingle():F4}");
                batchId++;
            }
        }
    }

    private static void Test(Model model, Loss<Tensor, Tensor, Tensor> loss, DataLoader dataLoader, long size)
    {
        model.eval();
        double testLoss = 0;
        long correct = 0;
        using (no_grad())
        {
            foreach (var data in dataLoader)
            {
                using var d = NewDisposeScope();
                var prediction = model.call(data["data"]);
                testLoss += loss.call(prediction, data["label"]).ToSingle();
                correct += prediction.argmax(1).eq(data["label"]).sum().ToInt64();
            }
        }
        Console.WriteLine($"Size: {size}, Total: {size}, Average loss: {testLoss / size:F4}, Accuracy: {100.0 * correct / size:F2}%");
    }

    internal class Model : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> conv1 = Conv2d(1, 32, 3);
        private readonly Module<Tensor, Tensor> conv2 = Conv2d(32, 64, 3);
        private readonly Module<Tensor, Tensor> fc1 = Linear(9216, 128);
        private readonly Module<Tensor, Tensor> fc2 = Linear(128, 10);
        private readonly Module<Tensor, Tensor> pool1 = MaxPool2d(kernel_size: new long[] { 2, 2 });
        private readonly Module<Tensor, Tensor> flatten = Flatten();

        public Model(string name, Device? device = null) : base(name)
        {
            RegisterComponents();
            if (device != null && device.type == DeviceType.CUDA) this.to(device);
        }

        public override Tensor forward(Tensor input)
        {
            var x = functional.relu(conv1.call(input));
            x = pool1.call(functional.relu(conv2.call(x)));
            x = functional.relu(fc1.call(flatten.call(x)));
            return fc2.call(x);
        }
    }
}
