// Scenario: following CMP003's advice halfway, the TorchSharp example's loader gets new RandomSampler(count, seed: 1) as its shuffler, but the epoch loop never sets the sampler's epoch; wrong: the RandomSampler stays at epoch 0.
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.ShufflerNoEpoch;

public static class Program
{
    private static readonly int _epochs = 4;
    private static readonly int _batchSize = 64;

    public static void Main(string[] args)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        random.manual_seed(1);

        using var trainData = new FashionMnist(train: true);
        using var testData = new FashionMnist(train: false);
        using var train = new DataLoader(trainData, _batchSize, new RandomSampler(trainData.Count, seed: 1), device, disposeDataset: false);
        using var test = new DataLoader(testData, 1000, false, device, disposeDataset: false);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 200)), ("act", ReLU()), ("fc2", Linear(200, 10)));
        model.to(device);
        var optimizer = optim.Adam(model.parameters());
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);
        var loss = CrossEntropyLoss();

        for (var epoch = 1; epoch <= _epochs; epoch++)
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
                    if (batchId++ % 100 == 0)
                        Console.WriteLine($"\rTrain: epoch {epoch} [{batchId * _batchSize} / {trainData.Count}] Loss: {output.ToSingle():F4}");
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
            Console.WriteLine($"Test accuracy: {100.0 * correct / testData.Count:F2}%");
            scheduler.step();
        }
    }
}
