// Scenario: a partial Program split in two parts in one file: the first declares static fields for the data and a shuffling EpochDataLoader, the second runs the epoch loop over that field and never sets its epoch; wrong: both parts are here, and the order repeats every epoch.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.PartialProgram;

public static partial class Program
{
    private static readonly FashionMnist TrainSet = new FashionMnist(train: true);
    private static readonly EpochDataLoader TrainLoader = new EpochDataLoader(TrainSet, batchSize: 64, shuffle: true, seed: 11);
    private static readonly Device TrainDevice = cuda.is_available() ? CUDA : CPU;

    public static void Main(string[] args)
    {
        var epochs = args.Length > 0 ? int.Parse(args[0]) : 5;
        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 256)), ("act", ReLU()), ("fc2", Linear(256, 10)));
        model.to(TrainDevice);
        Run(model, epochs);
        Console.WriteLine("Done.");
    }
}

public static partial class Program
{
    private static void Run(Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var criterion = CrossEntropyLoss();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            float lastLoss = 0;
            foreach (var data in TrainLoader) //! CMP002
            {
                using var d = NewDisposeScope();
                optimizer.zero_grad();
                var loss = criterion.call(model.call(data["data"].to(TrainDevice)), data["label"].to(TrainDevice));
                loss.backward();
                optimizer.step();
                lastLoss = loss.ToSingle();
            }
            Console.WriteLine($"Epoch {epoch + 1}/{epochs}: loss {lastLoss:F4} ({sw.ElapsedMilliseconds} ms)");
        }
    }
}
