// Scenario: a handler subscribed to a message bus before the loop sets m.Loader's epoch from each EpochStarted record, and the loop publishes `new EpochStarted(epoch, train)` (the loader handed to a record's constructor) before iterating the batch-sampled loader — correct, no finding
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.RecordMessageBus;

public sealed record EpochStarted(int Epoch, EpochDataLoader Loader);

public sealed record EpochFinished(int Epoch, double MeanLoss);

public sealed class MessageBus
{
    private readonly Dictionary<Type, List<Action<object>>> _handlers = new();

    public void Subscribe<T>(Action<T> handler)
    {
        if (!_handlers.TryGetValue(typeof(T), out var list)) _handlers[typeof(T)] = list = new();
        list.Add(message => handler((T)message));
    }

    public void Publish<T>(T message) where T : notnull
    {
        if (_handlers.TryGetValue(typeof(T), out var list))
            foreach (var handler in list) handler(message);
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(2500, 10),
            ["label"] = torch.randint(0, 2, 2500, dtype: ScalarType.Int64),
        });
        using var train = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new RandomSampler(data.Count, seed: 2), 32));
        var model = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 2));
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        var bus = new MessageBus();
        bus.Subscribe<EpochStarted>(m => m.Loader.SetEpoch(m.Epoch));
        bus.Subscribe<EpochFinished>(m => Console.WriteLine($"epoch {m.Epoch}: {m.MeanLoss:F4}"));

        for (int epoch = 0; epoch < 15; epoch++)
        {
            bus.Publish(new EpochStarted(epoch, train));
            double sum = 0;
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            bus.Publish(new EpochFinished(epoch, sum / train.Count));
        }
    }
}
