// Scenario: a training service evaluates on a few shuffled probe batches whenever a stopwatch says the eval interval has passed, in the middle of the train batch loop; it sets the probe loader's epoch (an eval-round counter) right before drawing from it and sets the train loader's epoch each epoch — correct, no diagnostic.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Energy.LoadForecast;

public sealed class LoadForecaster : nn.Module<Tensor, Tensor>
{
    private readonly LSTM _lstm = nn.LSTM(inputSize: 6, hiddenSize: 32, numLayers: 1, batchFirst: true);
    private readonly Linear _out = nn.Linear(32, 24);

    public LoadForecaster() : base(nameof(LoadForecaster)) => RegisterComponents();

    // x: [batch, hours, 6] -> next 24 hours
    public override Tensor forward(Tensor x)
    {
        var (seq, _, _) = _lstm.forward(x);
        return _out.forward(seq.select(1, -1));
    }
}

public sealed class ForecastTrainingService
{
    private const int ProbeBatches = 4;

    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _probe;
    private readonly LoadForecaster _model = new();
    private readonly TimeSpan _evalEvery;
    private readonly Action<int, double> _onProbe;
    private int _evalRound;

    public ForecastTrainingService(InMemoryDataset history, InMemoryDataset recent, TimeSpan evalEvery, Action<int, double> onProbe)
    {
        _train = new EpochDataLoader(history, batchSize: 64, shuffle: true, seed: 100);
        _probe = new EpochDataLoader(recent, batchSize: 64, shuffle: true, seed: 200);
        _evalEvery = evalEvery;
        _onProbe = onProbe;
    }

    public void Train(int epochs, CancellationToken ct)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        var sinceEval = Stopwatch.StartNew();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(_train, epoch);
            foreach (var batch in _train)
            {
                ct.ThrowIfCancellationRequested();
                using (var scope = NewDisposeScope())
                {
                    var loss = nn.functional.mse_loss(_model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }

                if (sinceEval.Elapsed < _evalEvery) continue;

                // a few random recent windows, different ones at every evaluation
                _probe.SetEpoch(_evalRound++);
                _model.eval();
                double err = 0;
                int n = 0;
                using (no_grad())
                {
                    foreach (var probe in _probe.Take(ProbeBatches))
                    {
                        using var scope = NewDisposeScope();
                        err += nn.functional.l1_loss(_model.forward(probe["data"]), probe["label"]).item<float>();
                        n++;
                    }
                }
                _model.train();
                _onProbe(_evalRound, err / Math.Max(n, 1));
                sinceEval.Restart();
            }
        }
    }
}
