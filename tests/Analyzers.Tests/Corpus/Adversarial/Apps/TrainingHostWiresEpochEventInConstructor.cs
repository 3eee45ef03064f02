// Scenario: an app's training host exposes an EpochStarting event that the UI also listens to; its constructor subscribes the shuffling loader's SetEpoch to it, and the run loop raises the event before each pass — correct, no diagnostic (the epoch is wired in the constructor).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Training;

public sealed class ToneClassifier : nn.Module<Tensor, Tensor>
{
    private readonly Conv1d _conv = nn.Conv1d(1, 8, kernel_size: 9, stride: 4);
    private readonly Linear _fc = nn.Linear(8, 5);

    public ToneClassifier() : base(nameof(ToneClassifier)) => RegisterComponents();

    // x: [batch, 1, samples]
    public override Tensor forward(Tensor x) => _fc.forward(nn.functional.relu(_conv.forward(x)).mean([2]));
}

public sealed class TrainingHost : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly ToneClassifier _model = new();

    public TrainingHost(InMemoryDataset clips)
    {
        _train = new EpochDataLoader(clips, batchSize: 64, shuffle: true, seed: 21);
        EpochStarting += _train.SetEpoch;
    }

    public event Action<int>? EpochStarting;
    public event Action<int, double>? EpochFinished;

    public async Task RunAsync(int epochs, CancellationToken ct)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);

            double sum = 0;
            int steps = 0;
            await Task.Run(() =>
            {
                foreach (var batch in _train)
                {
                    ct.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                    steps++;
                }
            }, ct);

            EpochFinished?.Invoke(epoch, sum / Math.Max(steps, 1));
        }
    }

    public void Dispose() => _train.Dispose();
}

public static class StatusWindow
{
    // What the window does with the host's events.
    public static void Attach(TrainingHost host, Action<string> show)
    {
        host.EpochStarting += epoch => show($"Epoch {epoch + 1} running…");
        host.EpochFinished += (epoch, loss) => show($"Epoch {epoch + 1} done, loss {loss:F3}");
    }
}
