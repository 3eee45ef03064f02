// Scenario: a background trainer awaits Task.Run for each epoch's batch loop over a TorchSharp loader with an epoch-aware RandomSampler; the pass sets the evaluation loader's epoch (a typo for train), so the train loader iterated inside the lambda written in the loop is never set: CMP002.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Background;

public sealed record EpochReport(int Epoch, double TrainLoss, double EvalLoss, TimeSpan Elapsed);

public interface IReportSink
{
    ValueTask WriteAsync(EpochReport report, CancellationToken ct);
}

public sealed class ConsoleSink : IReportSink
{
    public ValueTask WriteAsync(EpochReport report, CancellationToken ct)
    {
        Console.WriteLine($"[{report.Epoch}] train {report.TrainLoss:F4} eval {report.EvalLoss:F4} in {report.Elapsed.TotalSeconds:F1}s");
        return ValueTask.CompletedTask;
    }
}

public sealed class BackgroundTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(("fc1", nn.Linear(8, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 1)));
    private readonly IReadOnlyList<IReportSink> _sinks;

    public BackgroundTrainer(params IReportSink[] sinks) => _sinks = sinks;

    private static InMemoryDataset Make(long n, int seed)
    {
        using var g = torch.random.manual_seed(seed);
        var x = torch.randn(n, 8);
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["target"] = x.pow(2).sum(1, keepdim: true) });
    }

    public async Task RunAsync(int epochs, CancellationToken ct = default)
    {
        var trainSet = Make(5000, 1);
        var evalSet = Make(1000, 2);
        var train = new DataLoader(trainSet, 100, new RandomSampler(trainSet.Count, seed: 12), disposeDataset: false);
        var eval = new EpochDataLoader(evalSet, batchSize: 500, sampler: new DistributedSampler(evalSet.Count, numReplicas: 1, rank: 0, shuffle: false));
        var optimizer = optim.Adam(_model.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Epochs.SetEpoch(eval, epoch);

            var trainLoss = await Task.Run(() =>
            {
                double sum = 0;
                int steps = 0;
                foreach (var batch in train) //! CMP002
                {
                    optimizer.zero_grad();
                    using var loss = nn.functional.mse_loss(_model.forward(batch["data"]), batch["target"]);
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                    steps++;
                }
                return sum / Math.Max(1, steps);
            }, ct);

            var evalLoss = await Task.Run(() => Evaluate(eval), ct);
            var report = new EpochReport(epoch, trainLoss, evalLoss, watch.Elapsed);
            foreach (var sink in _sinks) await sink.WriteAsync(report, ct);
        }
    }

    private double Evaluate(EpochDataLoader loader)
    {
        using var _ = torch.no_grad();
        var losses = new List<double>();
        foreach (var batch in loader)
            losses.Add(nn.functional.mse_loss(_model.forward(batch["data"]), batch["target"]).item<float>());
        return losses.Count == 0 ? double.NaN : losses.Average();
    }

    public static async Task Main()
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        await new BackgroundTrainer(new ConsoleSink()).RunAsync(epochs: 6, cts.Token);
    }
}
