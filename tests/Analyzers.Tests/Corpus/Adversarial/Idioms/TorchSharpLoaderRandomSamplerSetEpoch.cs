// Scenario: the TorchSharp example's loader given an epoch-aware RandomSampler shuffler (and a SequentialSampler for the test loader), the sampler's epoch set in the epoch loop before calling the Train/Test helpers; correct.
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.ShufflerWithEpoch;

public static class Program
{
    private static readonly int _epochs = 4;
    private static readonly int _batchSize = 64;

    public static void Main(string[] args)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        using var trainData = new FashionMnist(train: true);
        using var testData = new FashionMnist(train: false);

        var shuffler = new RandomSampler(trainData.Count, seed: 1);
        using var train = new DataLoader(trainData, _batchSize, shuffler, device, disposeDataset: false);
        using var test = new DataLoader(testData, 1000, new SequentialSampler(testData.Count), device, disposeDataset: false);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 200)), ("act", ReLU()), ("fc2", Linear(200, 10)));
        model.to(device);
        var optimizer = optim.Adam(model.parameters());
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);
        var loss = CrossEntropyLoss();

        for (var epoch = 1; epoch <= _epochs; epoch++)
        {
            shuffler.SetEpoch(epoch);
            Train(model, optimizer, loss, train, epoch);
            Test(model, test, testData.Count);
            scheduler.step();
        }
    }

    private static void Train(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> loss, DataLoader dataLoader, int epoch)
    {
        model.train();
        foreach (var data in dataLoader)
        {
            using var d = NewDisposeScope();
            optimizer.zero_grad();
            var output = loss.call(model.call(data["data"]), data["label"]);
            output.backward();
            optimizer.step();
        }
        Console.WriteLine($"Epoch {epoch} done");
    }

    private static void Test(Module<Tensor, Tensor> model, DataLoader dataLoader, long size)
    {
        model.eval();
        long correct = 0;
        using (no_grad())
        {
            foreach (var data in dataLoader)
            {
                using var d = NewDisposeScope();
                correct += model.call(data["data"]).argmax(1).eq(data["label"]).sum().ToInt64();
            }
        }
        Console.WriteLine($"Test accuracy: {100.0 * correct / size:F2}%");
    }
}
