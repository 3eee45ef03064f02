// Scenario: an event bus with a C# 13 `params ReadOnlySpan<object>` signature (declared by an interface, so not in view) receives the loader at every epoch start: right (a loader handed to code not in view, as an element of a params argument, may get its epoch set there). Relabelled 2026-12-06 when params collections that are not arrays were read (was a documented limit: CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.ParamsSpanEventBusHandsLoaderOn;

public interface IEventBus
{
    void Publish(string topic, params ReadOnlySpan<object> payload);
}

public sealed class ConsoleBus : IEventBus
{
    public void Publish(string topic, params ReadOnlySpan<object> payload)
    {
        foreach (var item in payload)
            if (item is IEpochAware aware && payload.Length > 1 && payload[^1] is int epoch) aware.SetEpoch(epoch);
        Console.WriteLine($"{topic} ({payload.Length} items)");
    }
}

public static class Training
{
    public static void Fit(IEventBus bus, InMemoryDataset data, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 99);
        var model = nn.Linear(3, 1);
        var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            bus.Publish("epoch_start", train, epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            bus.Publish("epoch_end", epoch);
        }
    }

    public static void Main() =>
        Fit(new ConsoleBus(), new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(128, 3), ["target"] = randn(128, 1) }), 4);
}
