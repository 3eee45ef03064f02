// Scenario: the TorchSharp MNIST example ported to EpochDataLoader, keeping its Train(model, optimizer, loss, dataLoader, epoch) helper, which sets the loader's epoch before its batch loop; correct.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.MnistPortedHelper;

public static class Program
{
    private static readonly int _epochs = 6;
    private static readonly int _logInterval = 100;

    public static void Main(string[] args)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        random.manual_seed(1);

        using var trainData = new FashionMnist(train: true);
        using var testData = new FashionMnist(train: false);
        using var train = new EpochDataLoader(trainData, 64, shuffle: true, device: device, seed: 1);
        using var test = new EpochDataLoader(testData, 1000, device: device);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 300)), ("act", Tanh()), ("fc2", Linear(300, 10)));
        model.to(device);
        var optimizer = optim.Adam(model.parameters());
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);
        var loss = CrossEntropyLoss();

        for (var epoch = 1; epoch <= _epochs; epoch++)
        {
            Train(model, optimizer, loss, train, epoch, trainData.Count);
            Test(model, loss, test, testData.Count);
            scheduler.step();
        }
    }

    private static void Train(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> loss,
        EpochDataLoader dataLoader, int epoch, long size)
    {
        model.train();
        dataLoader.SetEpoch(epoch - 1);
        int batchId = 1;
        Console.WriteLine($"Epoch: {epoch}...");
        foreach (var data in dataLoader)
        {
            using (var d = NewDisposeScope())
            {
                optimizer.zero_grad();
                var output = loss.call(model.call(data["data"]), data["label"]);
                output.backward();
                optimizer.step();
                if (batchId % _logInterval == 0)
                    Console.WriteLine($"\rTrain: epoch {epoch} [{batchId * 64} / {size}] Loss: {output.ToSingle():F4}");
                batchId++;
            }
        }
    }

    private static void Test(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> loss, EpochDataLoader dataLoader, long size)
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
        Console.WriteLine($"Test: average loss {testLoss / size:F4}, accuracy {100.0 * correct / size:F2}%");
    }
}
