// Scenario: an enterprise trainer resolves a list of ITrainingCallback implementations and, at each epoch start, hands the distributed train loader to every callback through the interface; one of them sets the loader's epoch (right: the loader goes to methods not in view, nothing flagged).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.TrainingServiceCallbacksReceiveLoader;

public interface ITrainingCallback
{
    void OnEpochStart(EpochDataLoader loader, int epoch);
    void OnEpochEnd(int epoch, double loss);
}

public sealed class ReshuffleCallback : ITrainingCallback
{
    public void OnEpochStart(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);
    public void OnEpochEnd(int epoch, double loss) { }
}

public sealed class ConsoleProgressCallback(TextWriter output) : ITrainingCallback
{
    private DateTime _started;

    public void OnEpochStart(EpochDataLoader loader, int epoch)
    {
        _started = DateTime.UtcNow;
        output.WriteLine($"[rank {Dist.Rank}] epoch {epoch}: {loader.Count} batches");
    }

    public void OnEpochEnd(int epoch, double loss) =>
        output.WriteLine($"[rank {Dist.Rank}] epoch {epoch} done in {(DateTime.UtcNow - _started).TotalSeconds:F1}s, loss {loss:F4}");
}

public sealed class TrainerSettings
{
    public int Epochs { get; set; } = 12;
    public int BatchSize { get; set; } = 128;
    public int Seed { get; set; } = 2024;
    public double LearningRate { get; set; } = 0.05;
}

public interface ISettings<T> where T : class, new() { T Current { get; } }

public sealed class StaticSettings<T>(T current) : ISettings<T> where T : class, new()
{
    public T Current { get; } = current;
}

public sealed class DistributedTrainer
{
    private readonly IReadOnlyList<ITrainingCallback> _callbacks;
    private readonly TrainerSettings _settings;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;

    public DistributedTrainer(InMemoryDataset dataset, IEnumerable<ITrainingCallback> callbacks, ISettings<TrainerSettings> settings)
    {
        _callbacks = callbacks.ToList();
        _settings = settings.Current;
        var shard = new DistributedSampler(dataset.Count, Dist.WorldSize, Dist.Rank, seed: _settings.Seed);
        _train = new EpochDataLoader(dataset, batchSampler: new BatchSampler(shard, _settings.BatchSize), workers: 2);
        _model = nn.Sequential(nn.Linear(40, 128), nn.ReLU(), nn.Linear(128, 3));
    }

    public void Run(CancellationToken ct)
    {
        var optimizer = optim.SGD(_model.parameters(), _settings.LearningRate, momentum: 0.9);
        for (int epoch = 0; epoch < _settings.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var callback in _callbacks) callback.OnEpochStart(_train, epoch);

            double sum = 0;
            long batches = 0;
            foreach (var batch in _train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                foreach (var p in _model.parameters())
                    if (p.grad is { } grad) { Dist.AllReduce(grad); grad.div_(Dist.WorldSize); }
                optimizer.step();
                sum += loss.item<float>();
                batches++;
            }

            foreach (var callback in _callbacks) callback.OnEpochEnd(epoch, sum / Math.Max(1, batches));
        }
    }
}

public static class Program
{
    public static void Main()
    {
        Dist.Initialize();
        var dataset = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["x"] = randn(6000, 40),
            ["y"] = randint(0, 3, new long[] { 6000 }),
        });
        ITrainingCallback[] callbacks = [new ReshuffleCallback(), new ConsoleProgressCallback(Console.Out)];
        var trainer = new DistributedTrainer(dataset, callbacks, new StaticSettings<TrainerSettings>(new TrainerSettings { Epochs = 3 }));
        using var cts = new CancellationTokenSource(TimeSpan.FromHours(2));
        trainer.Run(cts.Token);
        Dist.Barrier();
    }
}
