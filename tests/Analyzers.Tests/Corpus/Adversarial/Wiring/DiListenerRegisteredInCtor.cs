// Scenario: a training host registers an IEpochListener service wrapping its RandomSampler loader in its constructor, and Run resolves the listeners from the container and notifies them each epoch — correct, no finding (labelled CMP002 by the rule pages of the day, relabelled 2026-12-07 when a loader a constructor hands to code not in view began to count as wired)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.DiListenerRegisteredInCtor;

public interface IEpochListener
{
    void OnEpochStart(int epoch);
}

public sealed class LoaderEpochListener(EpochDataLoader loader) : IEpochListener
{
    public void OnEpochStart(int epoch) => loader.SetEpoch(epoch);
}

public sealed class ServiceContainer
{
    private readonly Dictionary<Type, List<object>> _services = new();

    public void AddSingleton<TService>(TService instance) where TService : class
    {
        if (!_services.TryGetValue(typeof(TService), out var list)) _services[typeof(TService)] = list = new();
        list.Add(instance);
    }

    public IEnumerable<TService> GetServices<TService>() =>
        _services.TryGetValue(typeof(TService), out var list) ? list.Cast<TService>() : Enumerable.Empty<TService>();
}

public sealed class TrainingHost : IDisposable
{
    private readonly ServiceContainer _services = new();
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(30, 60), nn.ReLU(), nn.Linear(60, 2));

    public TrainingHost(InMemoryDataset transactions)
    {
        _train = new EpochDataLoader(transactions, batchSize: 128, sampler: new RandomSampler(transactions.Count, seed: 11));
        _services.AddSingleton<IEpochListener>(new LoaderEpochListener(_train));
    }

    public void Run(int epochs)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        var weights = torch.tensor(new float[] { 1f, 20f });
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var listener in _services.GetServices<IEpochListener>())
                listener.OnEpochStart(epoch);
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"], weight: weights);
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
