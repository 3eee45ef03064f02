// Scenario: epochs counted from 1 with Enumerable.Range(1, epochs), SetEpoch(epoch - 1) on a loader built over a BatchSampler of a RandomSampler, LambdaLR stepping per epoch; correct.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.OneBased;

public static class Program
{
    public static void Main()
    {
        const int epochs = 15;
        var device = cuda.is_available() ? CUDA : CPU;
        var trainData = new FashionMnist(train: true);
        var testData = new FashionMnist(train: false);

        var batches = new BatchSampler(new RandomSampler(trainData.Count, seed: 5), 64, dropLast: true);
        using var train = new EpochDataLoader(trainData, batchSampler: batches, device: device);
        using var test = new EpochDataLoader(testData, batchSize: 1000, device: device);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 128)), ("act", ReLU()), ("fc2", Linear(128, 10)));
        model.to(device);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var scheduler = optim.lr_scheduler.LambdaLR(optimizer, e => Math.Pow(0.95, e));
        var criterion = CrossEntropyLoss();

        foreach (var epoch in Enumerable.Range(1, epochs))
        {
            train.SetEpoch(epoch - 1);
            model.train();
            foreach (var data in train)
            {
                using var d = NewDisposeScope();
                optimizer.zero_grad();
                var loss = criterion.call(model.call(data["data"]), data["label"]);
                loss.backward();
                optimizer.step();
            }
            scheduler.step();

            model.eval();
            using (no_grad())
            {
                long correct = 0;
                foreach (var data in test)
                {
                    using var d = NewDisposeScope();
                    correct += model.call(data["data"]).argmax(1).eq(data["label"]).sum().ToInt64();
                }
                Console.WriteLine($"Epoch {epoch}/{epochs}: accuracy {100.0 * correct / testData.Count:F2}%");
            }
        }
    }
}
