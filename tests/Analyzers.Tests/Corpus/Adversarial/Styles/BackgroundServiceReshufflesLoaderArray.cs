// Scenario: a BackgroundService-style multi-task trainer builds a RandomSampler loader and a class-balanced P×K loader in its constructor and sets both epochs through `foreach (var l in new[] { _train, _metric }) l.SetEpoch(epoch)` before zipping them; evaluation runs in a separate method (right: nothing flagged).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.BackgroundServiceReshufflesLoaderArray;

public interface ILog { void Write(string level, string message); }

public sealed class ConsoleLog : ILog
{
    public void Write(string level, string message) => Console.WriteLine($"{DateTime.UtcNow:O} [{level}] {message}");
}

public sealed record MultiTaskOptions(int Epochs, int BatchSize, int ClassesPerBatch, int SamplesPerClass, int Seed);

public interface IDatasetSource
{
    InMemoryDataset Load(string split);
    long[] Labels(string split);
}

public abstract class BackgroundService
{
    private Task? _executing;
    private readonly CancellationTokenSource _stopping = new();

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

    public Task StartAsync() { _executing = ExecuteAsync(_stopping.Token); return Task.CompletedTask; }

    public async Task StopAsync()
    {
        _stopping.Cancel();
        if (_executing is not null) await Task.WhenAny(_executing, Task.Delay(TimeSpan.FromSeconds(30)));
    }
}

public sealed class MultiTaskTrainer : BackgroundService
{
    private readonly ILog _log;
    private readonly MultiTaskOptions _options;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _metric;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _encoder = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 32));
    private readonly nn.Module<Tensor, Tensor> _head = nn.Linear(32, 10);

    public MultiTaskTrainer(IDatasetSource source, ILog log, MultiTaskOptions options)
    {
        _log = log;
        _options = options;
        var train = source.Load("train");
        _train = new EpochDataLoader(train, batchSize: options.BatchSize, sampler: new RandomSampler(train.Count, seed: options.Seed));
        _metric = new EpochDataLoader(train, batchSampler: new ClassBalancedBatchSampler(source.Labels("train"), options.ClassesPerBatch, options.SamplesPerClass, seed: options.Seed + 1));
        _eval = new EpochDataLoader(source.Load("val"), batchSize: 512);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parameters = _encoder.parameters().Concat(_head.parameters());
        var optimizer = optim.AdamW(parameters, lr: 3e-4);
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            if (stoppingToken.IsCancellationRequested) break;
            foreach (var l in new[] { _train, _metric }) l.SetEpoch(epoch);

            double ce = 0, triplet = 0;
            foreach (var (cls, pk) in _train.Zip(_metric))
            {
                optimizer.zero_grad();
                using var logits = _head.forward(_encoder.forward(cls["x"]));
                using var clsLoss = nn.functional.cross_entropy(logits, cls["y"]);
                using var embeddings = nn.functional.normalize(_encoder.forward(pk["x"]), dim: 1);
                using var spread = embeddings.var(0).mean();
                using var loss = clsLoss - 0.1 * spread;
                loss.backward();
                optimizer.step();
                ce += clsLoss.item<float>();
                triplet += spread.item<float>();
            }

            var accuracy = Validate();
            _log.Write("info", $"epoch {epoch}: ce {ce:F3} spread {triplet:F3} val {accuracy:P2}");
            await Task.Yield();
        }
    }

    private double Validate()
    {
        using var _ = no_grad();
        var (correct, total) = (0L, 0L);
        foreach (var batch in _eval)
        {
            correct += _head.forward(_encoder.forward(batch["x"])).argmax(1).eq(batch["y"]).sum().item<long>();
            total += batch["y"].shape[0];
        }
        return total == 0 ? 0 : (double)correct / total;
    }
}

public sealed class SyntheticSource : IDatasetSource
{
    public InMemoryDataset Load(string split) => new(new Dictionary<string, Tensor>
    {
        ["x"] = randn(split == "train" ? 2048 : 256, 16),
        ["y"] = randint(0, 10, new long[] { split == "train" ? 2048 : 256 }),
    });

    public long[] Labels(string split) => Enumerable.Range(0, split == "train" ? 2048 : 256).Select(i => (long)(i % 10)).ToArray();
}

public static class Program
{
    public static async Task Main()
    {
        var services = new Dictionary<Type, Func<object>>();
        services[typeof(ILog)] = () => new ConsoleLog();
        services[typeof(IDatasetSource)] = () => new SyntheticSource();
        services[typeof(MultiTaskOptions)] = () => new MultiTaskOptions(Epochs: 8, BatchSize: 64, ClassesPerBatch: 8, SamplesPerClass: 8, Seed: 5);
        T Resolve<T>() => (T)services[typeof(T)]();

        var trainer = new MultiTaskTrainer(Resolve<IDatasetSource>(), Resolve<ILog>(), Resolve<MultiTaskOptions>());
        await trainer.StartAsync();
        Console.ReadLine();
        await trainer.StopAsync();
    }
}
