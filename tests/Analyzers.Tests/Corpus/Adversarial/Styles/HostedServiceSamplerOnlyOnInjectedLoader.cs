// Scenario: a hosted training service reshuffles by setting the epoch on the injected data module's train loader's Sampler only; the module builds that loader from a distributed batch sampler, so every epoch replays epoch 0 (wrong: CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.HostedServiceSamplerOnlyOnInjectedLoader;

public interface IHostedService
{
    Task StartAsync(CancellationToken cancellationToken);
    Task StopAsync(CancellationToken cancellationToken);
}

public interface IAppLogger<T>
{
    void Info(string message);
    void Warn(string message);
}

public sealed class ConsoleAppLogger<T> : IAppLogger<T>
{
    public void Info(string message) => Console.WriteLine($"info: {typeof(T).Name}[0] {message}");
    public void Warn(string message) => Console.WriteLine($"warn: {typeof(T).Name}[0] {message}");
}

public interface IOptions<out T> { T Value { get; } }

public sealed record OptionsWrapper<T>(T Value) : IOptions<T>;

public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 64;
    public int Seed { get; init; } = 17;
    public double LearningRate { get; init; } = 1e-3;
}

public interface IDataModule
{
    EpochDataLoader Train { get; }
    EpochDataLoader Validation { get; }
}

public sealed class ShardedDataModule : IDataModule
{
    public ShardedDataModule(IOptions<TrainingOptions> options)
    {
        var o = options.Value;
        var train = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4096, 32), ["y"] = randint(0, 4, new long[] { 4096 }) });
        var val = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(512, 32), ["y"] = randint(0, 4, new long[] { 512 }) });
        var shard = new DistributedSampler(train.Count, seed: o.Seed);
        Train = new EpochDataLoader(train, batchSampler: new BatchSampler(shard, o.BatchSize, dropLast: true));
        Validation = new EpochDataLoader(val, batchSize: 256, sampler: new DistributedSampler(val.Count, shuffle: false));
    }

    public EpochDataLoader Train { get; }
    public EpochDataLoader Validation { get; }
}

public sealed class TrainingService : IHostedService
{
    private readonly IDataModule _data;
    private readonly IAppLogger<TrainingService> _logger;
    private readonly TrainingOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _run;

    public TrainingService(IDataModule data, IAppLogger<TrainingService> logger, IOptions<TrainingOptions> options)
    {
        _data = data;
        _logger = logger;
        _options = options.Value;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _logger.Info($"starting: {_options.Epochs} epochs, batch size {_options.BatchSize}");
        _run = Task.Run(() => Train(_stopping.Token), cancellationToken);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        if (_run is not null) await _run.WaitAsync(cancellationToken);
    }

    private void Train(CancellationToken ct)
    {
        var model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 4));
        var optimizer = optim.Adam(model.parameters(), lr: _options.LearningRate);
        var train = _data.Train;

        for (int epoch = 0; epoch < _options.Epochs && !ct.IsCancellationRequested; epoch++)
        {
            // Reshuffle the shard for this epoch.
            if (train.Sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001

            model.train();
            double total = 0;
            long steps = 0;
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }

            double accuracy = Evaluate(model, _data.Validation);
            _logger.Info($"epoch {epoch}: loss {total / Math.Max(steps, 1):F4}, val accuracy {accuracy:P1}");
            if (double.IsNaN(total)) _logger.Warn("loss diverged");
        }
    }

    private static double Evaluate(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in loader)
        {
            correct += model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            seen += batch["y"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}

public static class Program
{
    public static async Task Main()
    {
        var options = new OptionsWrapper<TrainingOptions>(new TrainingOptions { Epochs = 5 });
        IDataModule data = new ShardedDataModule(options);
        IHostedService[] services = [new TrainingService(data, new ConsoleAppLogger<TrainingService>(), options)];
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        foreach (var service in services) await service.StartAsync(cts.Token);
        await Task.Delay(Timeout.Infinite, cts.Token).ContinueWith(_ => { });
        foreach (var service in services.AsEnumerable().Reverse()) await service.StopAsync(CancellationToken.None);
    }
}
