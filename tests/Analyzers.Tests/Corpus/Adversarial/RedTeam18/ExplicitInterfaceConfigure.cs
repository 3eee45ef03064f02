// Scenario: a Lightning-style module implements ITrainingModule.Configure explicitly and subscribes its RandomSampler loader's SetEpoch to the hub there; the host calls Configure before Fit, whose loop raises the hub's event — correct, no finding (an explicit interface implementation is a method of its type in view)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.ExplicitInterfaceConfigure;

public sealed class EpochHub
{
    public event Action<int>? EpochBegan;
    public void Begin(int epoch) => EpochBegan?.Invoke(epoch);
}

public interface ITrainingModule
{
    void Configure(EpochHub hub);
    void Fit(EpochHub hub, int epochs);
}

public sealed class SentimentModule : ITrainingModule, IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(300, 128), nn.Tanh(), nn.Linear(128, 2));

    public SentimentModule(InMemoryDataset reviews)
    {
        _train = new EpochDataLoader(reviews, batchSize: 32, sampler: new RandomSampler(reviews.Count, seed: 17));
    }

    void ITrainingModule.Configure(EpochHub hub)
    {
        hub.EpochBegan += _train.SetEpoch;
    }

    public void Fit(EpochHub hub, int epochs)
    {
        using var optimizer = optim.AdamW(_model.parameters(), lr: 2e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hub.Begin(epoch);
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
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

public static class Host
{
    public static void Run(InMemoryDataset reviews)
    {
        var hub = new EpochHub();
        using var module = new SentimentModule(reviews);
        ITrainingModule m = module;
        m.Configure(hub);
        m.Fit(hub, epochs: 5);
    }
}
