// Scenario: a trainer's constructor subscribes to a message bus with `_bus.Subscribe<EpochStarted>(msg => _train.SetEpoch(msg.Epoch))`; Fit publishes EpochStarted before each epoch — correct, no finding (the page counts a lambda handed on "with the lambda's own parameter as the epoch: whoever calls it gives the epoch"; msg.Epoch is given by the caller too, but the page only shows the bare parameter, so labelled by run-time meaning)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.MessageBusSubscribeMemberEpoch;

public sealed record EpochStarted(int Epoch, DateTime At);

public sealed class MessageBus
{
    private readonly Dictionary<Type, List<Action<object>>> _handlers = new();

    public void Subscribe<T>(Action<T> handler)
    {
        if (!_handlers.TryGetValue(typeof(T), out var list)) _handlers[typeof(T)] = list = new();
        list.Add(m => handler((T)m));
    }

    public void Publish<T>(T message) where T : notnull
    {
        if (_handlers.TryGetValue(typeof(T), out var list))
            foreach (var handler in list) handler(message);
    }
}

public sealed class RecommenderTrainer : IDisposable
{
    private readonly MessageBus _bus;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 1));

    public RecommenderTrainer(MessageBus bus, InMemoryDataset interactions)
    {
        _bus = bus;
        _train = new EpochDataLoader(interactions, batchSize: 1024, shuffle: true, seed: 3);
        _bus.Subscribe<EpochStarted>(msg => _train.SetEpoch(msg.Epoch));
    }

    public void Fit(int epochs)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _bus.Publish(new EpochStarted(epoch, DateTime.UtcNow));
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.binary_cross_entropy_with_logits(_model.forward(batch["data"]).squeeze(-1), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _model.Dispose();
    }
}
