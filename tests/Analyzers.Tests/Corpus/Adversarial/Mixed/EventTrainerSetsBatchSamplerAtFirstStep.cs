// Scenario: a metric-learning trainer with BatchStarted/EpochEnded events "reshuffles at the first batch": inside the batch loop over `_train.Select((b, i) => (b, i))` it sets the epoch on the P×K batch sampler when step == 0, after the epoch's order is already fixed: CMP005.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Pk;

public sealed class ThroughputMeter
{
    private readonly System.Diagnostics.Stopwatch _watch = new();
    private long _batches;

    public void OnBatchStarted(int epoch, int step)
    {
        if (step == 0) _watch.Restart();
        _batches++;
    }

    public double BatchesPerSecond => _batches / Math.Max(1e-9, _watch.Elapsed.TotalSeconds);
}

public sealed class LossHistory
{
    private readonly List<(int Epoch, double Loss)> _points = new();
    public IReadOnlyList<(int Epoch, double Loss)> Points => _points;
    public void OnEpochEnded(int epoch, double loss) => _points.Add((epoch, loss));
    public bool Improving(int window) =>
        _points.Count > window && _points[^1].Loss < _points.Skip(_points.Count - window - 1).Take(window).Min(p => p.Loss);
}

public sealed class PkTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _embed = nn.Sequential(("fc1", nn.Linear(16, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 8)));

    public event Action<int, int>? BatchStarted;
    public event Action<int, double>? EpochEnded;

    public PkTrainer(InMemoryDataset data, IReadOnlyList<long> labels, int seed)
    {
        _train = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 6, samplesPerClass: 4, seed: seed));
    }

    private static Tensor Contrastive(Tensor z, Tensor labels, double margin)
    {
        var d = torch.cdist(z, z);
        var same = labels.unsqueeze(0).eq(labels.unsqueeze(1)).to(ScalarType.Float32);
        return (same * d.pow(2) + (1 - same) * nn.functional.relu(margin - d).pow(2)).mean();
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_embed.parameters(), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double sum = 0;
            int batches = 0;
            foreach (var (batch, step) in _train.Select((b, i) => (b, i)))
            {
                if (step == 0)
                {
                    if (_train.BatchSampler is IEpochAware pk) pk.SetEpoch(epoch); //! CMP005
                }
                BatchStarted?.Invoke(epoch, step);
                optimizer.zero_grad();
                var z = nn.functional.normalize(_embed.forward(batch["data"]), p: 2, dim: 1);
                using var loss = Contrastive(z, batch["label"], margin: 0.5);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                batches++;
            }
            EpochEnded?.Invoke(epoch, sum / Math.Max(1, batches));
        }
    }

    public static void Main()
    {
        var labels = Enumerable.Range(0, 1200).Select(i => (long)(i % 30)).ToList();
        var centers = torch.randn(30, 16) * 2;
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = centers.index_select(0, torch.tensor(labels.ToArray())) + torch.randn(labels.Count, 16),
            ["label"] = torch.tensor(labels.ToArray()),
        });

        var trainer = new PkTrainer(data, labels, seed: 5);
        var meter = new ThroughputMeter();
        var history = new LossHistory();
        trainer.BatchStarted += meter.OnBatchStarted;
        trainer.EpochEnded += history.OnEpochEnded;
        trainer.EpochEnded += (epoch, loss) => Console.WriteLine($"epoch {epoch}: {loss:F4} ({meter.BatchesPerSecond:F0} batches/s)");
        trainer.Fit(epochs: 6);

        foreach (var (epoch, loss) in history.Points.Where(p => p.Epoch % 2 == 0))
            Console.WriteLine($"{epoch,3} {new string('*', (int)Math.Clamp(loss * 20, 0, 60))}");
        Console.WriteLine(history.Improving(window: 3) ? "still improving" : "flat");
    }
}
