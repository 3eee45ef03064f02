// Scenario: a kiosk app's background retrainer builds a fresh TorchSharp DataLoader every epoch from a factory whose seed is derived from its epoch parameter (shuffle: true, seed: BaseSeed + epoch) — correct, no diagnostic (a per-epoch factory; each epoch gets its own reproducible order).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kiosk.Gestures;

public static class GestureLoaders
{
    private const int BaseSeed = 4_000;

    // One loader per epoch: TorchSharp's loader cannot be told the epoch, so the epoch goes into the seed.
    public static DataLoader ForEpoch(torch.utils.data.Dataset samples, int batchSize, int epoch) =>
        new DataLoader(samples, batchSize, shuffle: true, seed: BaseSeed + epoch);
}

public sealed class GestureNet : nn.Module<Tensor, Tensor>
{
    private readonly GRU _gru = nn.GRU(inputSize: 12, hiddenSize: 48, batchFirst: true);
    private readonly Linear _head = nn.Linear(48, 9);

    public GestureNet() : base(nameof(GestureNet)) => RegisterComponents();

    // x: [batch, time, 12] accelerometer + gyro
    public override Tensor forward(Tensor x)
    {
        var (output, _) = _gru.forward(x);
        return _head.forward(output.select(1, -1));
    }
}

public sealed class GestureRetrainer
{
    private readonly torch.utils.data.Dataset _recorded;
    private readonly Action<string> _statusBar;

    public GestureRetrainer(torch.utils.data.Dataset recorded, Action<string> statusBar)
    {
        _recorded = recorded;
        _statusBar = statusBar;
    }

    public Task<GestureNet> RetrainInBackground(int epochs, CancellationToken ct) => Task.Run(() =>
    {
        var model = new GestureNet();
        var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var loader = GestureLoaders.ForEpoch(_recorded, batchSize: 16, epoch);
            double sum = 0;
            int steps = 0;
            foreach (var batch in loader)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }
            _statusBar($"Learning your gestures… {100 * (epoch + 1) / epochs}% (loss {sum / Math.Max(steps, 1):F2})");
        }

        return model;
    }, ct);
}
