// Scenario: the constructor subscribes `_train.SetEpoch` (a method group, bound to the loader object built there) and a lambda `e => _aux.SetEpoch(e)` (which reads the field when called); Fit then rebuilds both fields with a fixed seed before its loop, so the event still sets the old train loader while the new one replays one order — wrong for _train, CMP002 on `_train`; _aux is correct (the page does not say what a reassignment after wiring does; labelled by run-time meaning) (relabelled 2026-12-07 after scoring: a setter's method group handed on is taken to set the field's loader even after the field is given another one, a limit on the rules page; no finding by the page)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.SubscribedLoaderReplacedInFit;

public sealed class MultiTaskTrainer : IDisposable
{
    private EpochDataLoader _train;
    private EpochDataLoader _aux;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 3));

    public event Action<int>? EpochStarting;

    public MultiTaskTrainer(InMemoryDataset main, InMemoryDataset aux)
    {
        _train = new EpochDataLoader(main, batchSize: 64, shuffle: true, seed: 1);
        _aux = new EpochDataLoader(aux, batchSize: 64, shuffle: true, seed: 2);
        EpochStarting += _train.SetEpoch;
        EpochStarting += e => _aux.SetEpoch(e);
    }

    public void Fit(InMemoryDataset main, InMemoryDataset aux, int epochs)
    {
        _train.Dispose();
        _aux.Dispose();
        _train = new EpochDataLoader(main, batchSize: 128, shuffle: true, seed: 1);
        _aux = new EpochDataLoader(aux, batchSize: 128, shuffle: true, seed: 2);

        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            foreach (var batch in _train)
                Step(optimizer, batch, 1.0);
            foreach (var batch in _aux)
                Step(optimizer, batch, 0.1);
        }
    }

    private void Step(optim.Optimizer optimizer, Dictionary<string, Tensor> batch, double weight)
    {
        using var scope = torch.NewDisposeScope();
        var loss = weight * nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    public void Dispose()
    {
        _train.Dispose();
        _aux.Dispose();
        _model.Dispose();
    }
}
