// Scenario: a training script wired with events (epoch started/ended, batch ended), an early-stopping subscriber and delegate-typed loss functions; the TorchSharp loader's RandomSampler is reset by a stored lambda `beginEpoch` that captures the loader and is called at the top of each pass — correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(1500, 10),
    ["label"] = torch.randint(0, 3, new long[] { 1500 }),
});
using var train = new DataLoader(data, 32, new RandomSampler(data.Count, seed: 99), disposeDataset: false);

var hooks = new TrainingHooks();
var stopper = new EarlyStopping(patience: 2, minDelta: 1e-3);
var runningLoss = new List<double>();
hooks.EpochEnded += stopper.OnEpochEnded;
hooks.EpochEnded += (epoch, loss) => Console.WriteLine($"epoch {epoch}: {loss:F4} (best {stopper.Best:F4})");
hooks.BatchEnded += loss => runningLoss.Add(loss);
hooks.EpochStarted += epoch => runningLoss.Clear();

var losses = new Dictionary<string, Func<Tensor, Tensor, Tensor>>
{
    ["ce"] = (logits, target) => nn.functional.cross_entropy(logits, target),
    ["smooth"] = (logits, target) => nn.functional.cross_entropy(logits, target, label_smoothing: 0.1),
};
var lossFn = losses[args.Length > 0 ? args[0] : "smooth"];

var model = nn.Sequential(("fc1", nn.Linear(10, 32)), ("act", nn.SiLU()), ("fc2", nn.Linear(32, 3)));
var optimizer = optim.Adam(model.parameters(), 1e-3);

Action<int> beginEpoch = e =>
{
    Epochs.SetEpoch(train, e);
    hooks.RaiseEpochStarted(e);
};

for (int epoch = 0; epoch < 20 && !stopper.ShouldStop; epoch++)
{
    beginEpoch(epoch);
    foreach (var batch in train)
    {
        optimizer.zero_grad();
        using var loss = lossFn(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        hooks.RaiseBatchEnded(loss.item<float>());
    }
    hooks.RaiseEpochEnded(epoch, runningLoss.Count == 0 ? double.NaN : runningLoss.Average());
}

Console.WriteLine(stopper.ShouldStop ? $"stopped early at best {stopper.Best:F4}" : "ran all epochs");

public delegate void EpochEndedHandler(int epoch, double loss);

public sealed class TrainingHooks
{
    public event Action<int>? EpochStarted;
    public event Action<double>? BatchEnded;
    public event EpochEndedHandler? EpochEnded;

    public void RaiseEpochStarted(int epoch) => EpochStarted?.Invoke(epoch);
    public void RaiseBatchEnded(double loss) => BatchEnded?.Invoke(loss);

    public void RaiseEpochEnded(int epoch, double loss)
    {
        var handlers = EpochEnded?.GetInvocationList() ?? Array.Empty<Delegate>();
        foreach (var handler in handlers)
        {
            try { ((EpochEndedHandler)handler)(epoch, loss); }
            catch (Exception ex) { Console.Error.WriteLine($"hook {handler.Method.Name} failed: {ex.Message}"); }
        }
    }
}

public sealed class EarlyStopping(int patience, double minDelta)
{
    private int _bad;
    public double Best { get; private set; } = double.PositiveInfinity;
    public bool ShouldStop { get; private set; }

    public void OnEpochEnded(int epoch, double loss)
    {
        if (double.IsNaN(loss)) return;
        if (loss < Best - minDelta) { Best = loss; _bad = 0; }
        else if (++_bad >= patience) ShouldStop = true;
    }
}
