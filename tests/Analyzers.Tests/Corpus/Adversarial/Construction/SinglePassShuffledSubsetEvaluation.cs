// Scenario: A checkpoint audit tool takes a random subset of 20 batches from a shuffled EpochDataLoader once (no epoch loop around it) and prints a confusion matrix; a single pass needs no epoch (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Audit;

public static class CheckpointAudit
{
    public static int Main(string[] args)
    {
        string checkpoint = args.Length > 0 ? args[0] : "best.bin";
        int seed = args.Length > 1 ? int.Parse(args[1]) : 0;
        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 256)),
            ("act", nn.ReLU()),
            ("fc2", nn.Linear(256, 10)));
        model.load(checkpoint);
        model.eval();

        using var testSet = new FashionMnist(train: false);
        using var loader = new EpochDataLoader(testSet, batchSize: 50, shuffle: true, seed: seed);
        var confusion = new long[10, 10];

        using (no_grad())
        {
            foreach (var batch in loader.Take(20))
            {
                using var scope = NewDisposeScope();
                long[] predicted = model.forward(batch["data"]).argmax(1).data<long>().ToArray();
                long[] actual = batch["label"].data<long>().ToArray();
                for (int i = 0; i < predicted.Length; i++) confusion[actual[i], predicted[i]]++;
            }
        }

        for (int row = 0; row < 10; row++)
        {
            var cells = Enumerable.Range(0, 10).Select(col => confusion[row, col].ToString().PadLeft(4));
            Console.WriteLine($"{row}: {string.Join("", cells)}");
        }
        long diagonal = Enumerable.Range(0, 10).Sum(i => confusion[i, i]);
        Console.WriteLine($"subset accuracy {diagonal / 1000.0:P1}");
        return diagonal > 800 ? 0 : 1;
    }
}
