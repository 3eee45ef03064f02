// Scenario: a hand-rolled batch loop over train.GetEnumerator() (to time the first batch separately) sets the epoch with Epochs.SetEpoch when it sees the first batch; wrong: the enumerator has already fixed this epoch's order.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.Enumerator;

public static class Program
{
    public static void Main()
    {
        const int epochs = 6;
        var trainSet = new FashionMnist(train: true);
        using var train = new EpochDataLoader(trainSet, batchSize: 256, shuffle: true, seed: 8, prefetch: true);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 100)), ("act", Sigmoid()), ("fc2", Linear(100, 10)));
        var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);
        var criterion = CrossEntropyLoss();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            using var it = train.GetEnumerator();
            bool first = true;
            while (it.MoveNext())
            {
                if (first)
                {
                    Epochs.SetEpoch(train, epoch); //! CMP005
                    Console.WriteLine($"epoch {epoch}: first batch after {sw.ElapsedMilliseconds} ms");
                    first = false;
                }
                using var d = NewDisposeScope();
                var batch = it.Current;
                optimizer.zero_grad();
                var loss = criterion.call(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: {sw.Elapsed.TotalSeconds:F1} s");
        }
    }
}
