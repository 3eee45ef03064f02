// Scenario: a top-level script publishes training events through a stored lambda, `Action<string, object> publish = (topic, payload) => bus.Publish(topic, payload);`, and at the top of each epoch calls `publish("epoch_start", train)`; `IEventBus` is an interface (not in view) whose subscribers, elsewhere, set the epoch of the loader they are given. "`L` passed as an argument to a method or constructor that is not in view: it may set the epoch. Any counts, even `Console.WriteLine(L)`", and a call "to a lambda stored in a local … that does one of these to … the parameter that receives `L`" handles `L` too: the lambda hands `payload`, which receives `train`, to `bus.Publish`. Correct by the pages: no finding (written as `bus.Publish("epoch_start", train)` it is not flagged).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
IEventBus bus = EventBus.Connect(Environment.GetEnvironmentVariable("EVENT_BUS") ?? "inproc");

Action<string, object> publish = (topic, payload) =>
{
    Console.WriteLine($"-> {topic}");
    bus.Publish(topic, payload);
};

for (int epoch = 0; epoch < 10; epoch++)
{
    publish("epoch_start", train);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
        optimizer.step();
    }
}

public interface IEventBus
{
    void Publish(string topic, object payload);
}

public static class EventBus
{
    public static IEventBus Connect(string address) => throw new NotSupportedException($"no event bus at {address} in this build");
}
