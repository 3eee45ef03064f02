// Scenario: a worker service picks TorchSharp's DataLoader with a DistributedSampler when launched under MPI and falls back to DataLoader(shuffle: true, seed: options.Seed) on one process; it sets the epoch every pass, which the distributed arm needs, but the fallback arm repeats one order every epoch (wrong: CMP003).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut3.Styles.WorkerServiceTorchSharpSeededFallback;

public sealed record WorkerOptions(int Epochs, int BatchSize, int Seed, string DataFolder);

public interface IClock { DateTimeOffset Now { get; } }
public sealed class SystemClock : IClock { public DateTimeOffset Now => DateTimeOffset.Now; }

public interface IStructuredLog
{
    void Emit(string evt, IReadOnlyDictionary<string, object> fields);
}

public sealed class JsonConsoleLog(IClock clock) : IStructuredLog
{
    public void Emit(string evt, IReadOnlyDictionary<string, object> fields) =>
        Console.WriteLine($"{{\"ts\":\"{clock.Now:O}\",\"event\":\"{evt}\"," + string.Join(",", fields.Select(f => $"\"{f.Key}\":\"{f.Value}\"")) + "}");
}

public sealed class TabularWorker
{
    private readonly WorkerOptions _options;
    private readonly IStructuredLog _log;
    private readonly DataLoader _train;
    private readonly DataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(12, 32), nn.Tanh(), nn.Linear(32, 1));

    public TabularWorker(WorkerOptions options, IStructuredLog log)
    {
        _options = options;
        _log = log;
        var trainSet = Load(Path.Combine(options.DataFolder, "train.bin"), 20_000);
        var evalSet = Load(Path.Combine(options.DataFolder, "eval.bin"), 2_000);
        _train = Dist.LaunchedByMpi
            ? new DataLoader(trainSet, options.BatchSize, new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, seed: options.Seed))
            : new DataLoader(trainSet, options.BatchSize, shuffle: true, seed: options.Seed); //! CMP003
        _eval = new DataLoader(evalSet, 1024, shuffle: false);
    }

    private static InMemoryDataset Load(string path, int fallbackRows) => File.Exists(path)
        ? new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = Tensor.Load(path), ["y"] = Tensor.Load(path + ".y") })
        : new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(fallbackRows, 12), ["y"] = randn(fallbackRows, 1) });

    public async Task RunAsync(CancellationToken ct)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 2e-3);
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            Epochs.SetEpoch(_train, epoch);
            _model.train();
            double mse = 0;
            foreach (var batch in _train)
            {
                ct.ThrowIfCancellationRequested();
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                mse += loss.item<float>();
            }

            _log.Emit("epoch_end", new Dictionary<string, object> { ["epoch"] = epoch, ["train_mse"] = mse / _train.Count, ["eval_mse"] = Evaluate() });
            await Task.Delay(10, ct);
        }
    }

    private double Evaluate()
    {
        _model.eval();
        using var _ = no_grad();
        return _eval.Select(b => nn.functional.mse_loss(_model.forward(b["x"]), b["y"]).item<float>()).DefaultIfEmpty(0f).Average();
    }
}

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new WorkerOptions(Epochs: 20, BatchSize: 256, Seed: 31, DataFolder: args.FirstOrDefault() ?? "data");
        var worker = new TabularWorker(options, new JsonConsoleLog(new SystemClock()));
        using var shutdown = new CancellationTokenSource();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => shutdown.Cancel();
        try
        {
            await worker.RunAsync(shutdown.Token);
            return 0;
        }
        catch (OperationCanceledException)
        {
            return 1;
        }
    }
}
