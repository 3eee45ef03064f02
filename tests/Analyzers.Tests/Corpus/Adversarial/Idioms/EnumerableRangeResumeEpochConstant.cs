// Scenario: a resumable training Main loops foreach (var epoch in Enumerable.Range(startEpoch, ...)) but passes startEpoch to SetEpoch; wrong: after a resume every epoch reuses the resumed epoch's order.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.Resume;

public static class Program
{
    private const int Epochs = 30;
    private const string CheckpointFile = "mnist.ckpt";

    public static void Main(string[] args)
    {
        int startEpoch = args.Length > 0 ? int.Parse(args[0]) : 0;
        var device = cuda.is_available() ? CUDA : CPU;

        using var trainData = new FashionMnist(train: true);
        using var train = new EpochDataLoader(trainData, batchSize: 128, shuffle: true, device: device, seed: 2024);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 512)), ("act", GELU()), ("fc2", Linear(512, 10)));
        model.to(device);
        if (startEpoch > 0 && File.Exists(CheckpointFile))
        {
            model.load(CheckpointFile);
            Console.WriteLine($"Resuming from epoch {startEpoch}");
        }

        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, Epochs, last_epoch: startEpoch - 1);
        var criterion = CrossEntropyLoss();

        foreach (var epoch in Enumerable.Range(startEpoch, Epochs - startEpoch))
        {
            train.SetEpoch(startEpoch); //! CMP004
            model.train();
            double total = 0;
            foreach (var data in train)
            {
                using var d = NewDisposeScope();
                optimizer.zero_grad();
                var loss = criterion.call(model.call(data["data"]), data["label"]);
                loss.backward();
                optimizer.step();
                total += loss.ToSingle();
            }
            scheduler.step();
            model.save(CheckpointFile);
            Console.WriteLine($"Epoch {epoch + 1}/{Epochs}: loss {total / train.Count:F4}");
        }
    }
}
