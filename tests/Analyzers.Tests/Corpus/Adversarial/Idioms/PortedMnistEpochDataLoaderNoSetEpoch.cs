// Scenario: the TorchSharp MNIST example ported to EpochDataLoader(shuffle: true, seed: 1) with the Train loop inlined in Main, but no SetEpoch anywhere; wrong: every epoch replays epoch 0's order.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.MnistPorted;

public static class Program
{
    private const int Epochs = 5;
    private const int LogInterval = 200;

    public static void Main(string[] args)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        random.manual_seed(1);

        using var trainData = new FashionMnist(FashionMnist.DefaultFolder, train: true);
        using var testData = new FashionMnist(FashionMnist.DefaultFolder, train: false);
        using var train = new EpochDataLoader(trainData, batchSize: 64, shuffle: true, device: device, seed: 1);
        using var test = new EpochDataLoader(testData, batchSize: 1000, device: device);

        var model = Sequential(
            ("conv1", Conv2d(1, 16, 3)), ("relu1", ReLU()), ("pool", MaxPool2d(2)),
            ("flat", Flatten()), ("fc", Linear(16 * 13 * 13, 10)));
        model.to(device);
        var optimizer = optim.Adam(model.parameters());
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);
        var loss = CrossEntropyLoss();

        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            model.train();
            int batchId = 1;
            foreach (var data in train) //! CMP002
            {
                using (var d = NewDisposeScope())
                {
                    optimizer.zero_grad();
                    var output = loss.call(model.call(data["data"]), data["label"]);
                    output.backward();
                    optimizer.step();
                    if (batchId % LogInterval == 0)
                        Console.WriteLine($"\rTrain: epoch {epoch} [{batchId * 64} / {trainData.Count}] Loss: {output.ToSingle():F4}");
                    batchId++;
                }
            }

            model.eval();
            long correct = 0;
            using (no_grad())
            {
                foreach (var data in test)
                {
                    using var d = NewDisposeScope();
                    correct += model.call(data["data"]).argmax(1).eq(data["label"]).sum().ToInt64();
                }
            }
            Console.WriteLine($"Epoch {epoch}: accuracy {100.0 * correct / testData.Count:F2}%");
            scheduler.step();
        }
    }
}
