// Scenario: porting new DataLoader(trainData, 64, true, device) to EpochDataLoader, the user inserts a DistributedSampler in the fourth position and keeps the positional shuffle true; wrong: sampler and shuffle: true conflict, and the loader throws when built.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.PortedConflict;

public static class Program
{
    private static readonly int _epochs = 4;

    public static void Main(string[] args)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        using var trainData = new FashionMnist(train: true);
        var sampler = new DistributedSampler(trainData.Count, numReplicas: 1, rank: 0, seed: 1);
        using var train = new EpochDataLoader(trainData, 64, true, sampler, device: device); //! CMP006

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 200)), ("act", ReLU()), ("fc2", Linear(200, 10)));
        model.to(device);
        var optimizer = optim.Adam(model.parameters());
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);
        var loss = CrossEntropyLoss();

        for (var epoch = 1; epoch <= _epochs; epoch++)
        {
            sampler.SetEpoch(epoch);
            model.train();
            int batchId = 1;
            foreach (var data in train)
            {
                using (var d = NewDisposeScope())
                {
                    optimizer.zero_grad();
                    var output = loss.call(model.call(data["data"]), data["label"]);
                    output.backward();
                    optimizer.step();
                    if (batchId++ % 100 == 0)
                        Console.WriteLine($"\rTrain: epoch {epoch} [{batchId * 64} / {trainData.Count}] Loss: {output.ToSingle():F4}");
                }
            }
            scheduler.step();
        }
    }
}
