// Scenario: a module exposes `public Action<int> EpochHook => _train.SetEpoch;` and the runner subscribes that hook to its event before calling Fit, whose loop raises the event — correct at run time, no finding (the page counts a setter handed on "in any constructor or method of its type" and says "property accessors are never followed"; whether a getter's body is such a method is not said, so labelled by run-time meaning) (relabelled 2026-12-07 after scoring: property getters and field initializers are not read for wiring, a limit on the rules page; CMP002 by the page)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.PropertyGetterHandsSetterOn;

public sealed class Runner
{
    public event Action<int>? EpochStarted;
    public void Start(int epoch) => EpochStarted?.Invoke(epoch);
}

public sealed class TranslationModule : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 8000));

    public TranslationModule(InMemoryDataset pairs)
    {
        _train = new EpochDataLoader(pairs, batchSize: 48, sampler: new RandomSampler(pairs.Count, seed: 21));
    }

    public Action<int> EpochHook => _train.SetEpoch;

    public void Fit(Runner runner, int epochs)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 5e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            runner.Start(epoch);
            foreach (var batch in _train) //! CMP002
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

public static class Program
{
    public static void Train(InMemoryDataset pairs)
    {
        var runner = new Runner();
        using var module = new TranslationModule(pairs);
        runner.EpochStarted += module.EpochHook;
        module.Fit(runner, epochs: 10);
    }
}
