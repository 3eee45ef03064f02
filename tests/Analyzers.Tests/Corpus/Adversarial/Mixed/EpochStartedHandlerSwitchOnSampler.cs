// Scenario: an EpochStarted event handler, subscribed in the constructor of a reshuffle helper that stores the loader it is given, switches on `_loader.Sampler` and sets the epoch in `case IEpochAware` — the loader's batch sampler (here a BatchSampler over a DistributedSampler) is never told: CMP001 (the Composer bug, in an event handler).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Events;

public sealed class EpochStartedEventArgs(int epoch) : EventArgs
{
    public int Epoch { get; } = epoch;
}

public sealed class TrainingEvents
{
    public event EventHandler<EpochStartedEventArgs>? EpochStarted;
    public event EventHandler<double>? EpochFinished;

    public void RaiseStarted(int epoch) => EpochStarted?.Invoke(this, new EpochStartedEventArgs(epoch));
    public void RaiseFinished(double loss) => EpochFinished?.Invoke(this, loss);
}

public sealed class ShuffleOnEpochStart
{
    private readonly EpochDataLoader _loader;
    private int _calls;

    public ShuffleOnEpochStart(EpochDataLoader loader, TrainingEvents events)
    {
        _loader = loader;
        events.EpochStarted += OnEpochStarted;
    }

    public int Calls => _calls;

    private void OnEpochStarted(object? sender, EpochStartedEventArgs e)
    {
        _calls++;
        switch (_loader.Sampler)
        {
            case IEpochAware aware:
                aware.SetEpoch(e.Epoch); //! CMP001
                break;
            case SequentialSampler:
                Console.WriteLine($"epoch {e.Epoch}: sequential sampler, nothing to reshuffle");
                break;
        }
    }
}

public sealed class LossLogger
{
    private readonly List<double> _losses = new();
    public LossLogger(TrainingEvents events) => events.EpochFinished += (_, loss) => _losses.Add(loss);
    public string Sparkline() => string.Concat(_losses.Select(l => " .:-=+*#"[Math.Clamp((int)(l * 8), 0, 7)]));
}

public static class Runner
{
    public static void Run(EpochDataLoader loader, TrainingEvents events, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.SGD(model.parameters(), 0.05);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            events.RaiseStarted(epoch);
            double sum = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            events.RaiseFinished(sum / Math.Max(1, loader.Count));
        }
    }

    public static void Main()
    {
        const long rows = 2048;
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(rows, 10),
            ["label"] = torch.randint(0, 4, new long[] { rows }),
        });
        var shard = new DistributedSampler(rows, numReplicas: 2, rank: 0, seed: 21);
        var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 32, dropLast: true));

        var events = new TrainingEvents();
        var reshuffle = new ShuffleOnEpochStart(loader, events);
        var logger = new LossLogger(events);
        var model = nn.Sequential(("fc1", nn.Linear(10, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 4)));
        Run(loader, events, model, epochs: 4);
        Console.WriteLine($"{reshuffle.Calls} epoch starts, losses {logger.Sparkline()}");
    }
}
