// Scenario: Fit first calls Initialize(), which subscribes a lambda setting the shuffled train loader's epoch from the event's own argument (once, guarded by a flag), then raises the event in its loop; the eval loader is in order — correct, no finding
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.InitializeCalledByFit;

public sealed class EpochEventArgs(int epoch) : EventArgs
{
    public int Epoch { get; } = epoch;
}

public sealed class SentimentTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private bool _initialized;

    public event EventHandler<EpochEventArgs>? EpochStarting;

    public SentimentTrainer(InMemoryDataset trainSet, InMemoryDataset evalSet)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 2024);
        _eval = new EpochDataLoader(evalSet, batchSize: 512);
        _model = nn.Sequential(nn.Linear(300, 128), nn.Tanh(), nn.Linear(128, 2));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    private void Initialize()
    {
        if (_initialized) return;
        _initialized = true;
        EpochStarting += (_, e) => Epochs.SetEpoch(_train, e.Epoch);
        EpochStarting += (_, e) => Console.WriteLine($"epoch {e.Epoch}");
    }

    public void Fit(int epochs)
    {
        Initialize();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(this, new EpochEventArgs(epoch));
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
            Console.WriteLine($"  accuracy {Evaluate():P1}");
        }
    }

    private double Evaluate()
    {
        _model.eval();
        using var noGrad = torch.no_grad();
        long hits = 0, total = 0;
        foreach (var batch in _eval)
        {
            hits += _model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return total == 0 ? 0 : (double)hits / total;
    }

    public void Dispose()
    {
        _train.Dispose();
        _eval.Dispose();
        _model.Dispose();
    }
}
