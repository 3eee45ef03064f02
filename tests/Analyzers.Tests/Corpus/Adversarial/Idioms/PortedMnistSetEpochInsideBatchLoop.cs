// Scenario: the ported MNIST Train(...) helper sets the loader's epoch inside its batch loop, on the first batch, inside the NewDisposeScope block; wrong: the order of this epoch was fixed when the foreach started.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.MnistPortedLate;

public static class Program
{
    private static readonly int _epochs = 6;
    private static readonly int _logInterval = 100;

    public static void Main(string[] args)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        random.manual_seed(1);

        using var trainData = new FashionMnist(train: true);
        using var train = new EpochDataLoader(trainData, 64, shuffle: true, device: device, seed: 1);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 300)), ("act", Tanh()), ("fc2", Linear(300, 10)));
        model.to(device);
        var optimizer = optim.Adam(model.parameters());
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);
        var loss = CrossEntropyLoss();

        for (var epoch = 1; epoch <= _epochs; epoch++)
        {
            Train(model, optimizer, loss, train, epoch, trainData.Count);
            scheduler.step();
        }
    }

    private static void Train(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> loss,
        EpochDataLoader dataLoader, int epoch, long size)
    {
        model.train();
        int batchId = 1;
        Console.WriteLine($"Epoch: {epoch}...");
        foreach (var data in dataLoader)
        {
            using (var d = NewDisposeScope())
            {
                if (batchId == 1)
                    dataLoader.SetEpoch(epoch - 1); //! CMP005
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
}
