// Scenario: Each epoch passes a shuffled EpochDataLoader to a generic helper LogEpochStart<TLoader>(loader, epoch) in the same file, which only logs and never sets the epoch, so every epoch replays one order (bug: CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Logging;

public static class LoggedTraining
{
    static readonly TextWriter Log = Console.Out;

    static void LogEpochStart<TLoader>(TLoader loader, int epoch) where TLoader : IEnumerable<Dictionary<string, Tensor>>
    {
        Log.WriteLine($"{DateTime.Now:HH:mm:ss} starting epoch {epoch} with {typeof(TLoader).Name}");
        Log.Flush();
    }

    static void LogEpochEnd(int epoch, double loss, TimeSpan elapsed) =>
        Log.WriteLine($"{DateTime.Now:HH:mm:ss} epoch {epoch}: loss {loss:F4} in {elapsed.TotalSeconds:F1}s");

    public static void Train(InMemoryDataset data, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 5);
        var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 100)), ("act", nn.Sigmoid()), ("fc2", nn.Linear(100, 10)));
        var optimizer = optim.SGD(model.parameters(), 0.5);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var started = DateTime.UtcNow;
            LogEpochStart(loader, epoch);
            double sum = 0;
            foreach (var batch in loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            LogEpochEnd(epoch, sum / loader.Count, DateTime.UtcNow - started);
        }
    }
}
