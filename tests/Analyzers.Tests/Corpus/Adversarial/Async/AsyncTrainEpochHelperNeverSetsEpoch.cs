// Scenario: a forecasting worker awaits a ported PyTorch-style TrainEpochAsync(model, loader, optimizer, ct) helper once per epoch, with checkpoints and a Task.Delay cool-down between epochs; the shuffled loader's epoch is never set — wrong (CMP002 at the loader argument of the helper call).
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecasting.Worker;

public sealed class ForecastTrainingJob : IDisposable
{
    private readonly InMemoryDataset _windows;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly string _checkpointDir;

    public ForecastTrainingJob(Tensor inputs, Tensor targets, string checkpointDir)
    {
        _windows = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = inputs, ["y"] = targets });
        _train = new EpochDataLoader(_windows, batchSize: 64, shuffle: true, seed: 7, prefetch: true);
        _model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("hidden", nn.Linear(inputs.shape[1] * inputs.shape[2], 128)),
            ("act", nn.Tanh()),
            ("head", nn.Linear(128, targets.shape[1])));
        _optimizer = optim.Adam(_model.parameters(), 1e-3);
        _checkpointDir = checkpointDir;
    }

    public async Task ExecuteAsync(int epochs, IProgress<string> progress, CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(_checkpointDir);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var sw = Stopwatch.StartNew();

            double loss = await TrainEpochAsync(_model, _train, _optimizer, stoppingToken); //! CMP002

            progress.Report($"epoch {epoch}: mse {loss:F5} in {sw.Elapsed.TotalSeconds:F1}s");
            var path = Path.Combine(_checkpointDir, $"forecast-ep{epoch}.bin");
            await Task.Run(() => _model.save(path), stoppingToken);

            // let the host breathe between epochs (shared box)
            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }

    private static async Task<double> TrainEpochAsync(
        nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer, CancellationToken ct)
    {
        model.train();
        double sum = 0;
        long n = 0;
        foreach (var batch in loader)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            if (++n % 200 == 0) await Task.Yield();   // keep the host responsive to shutdown
        }
        return sum / Math.Max(n, 1);
    }

    public void Dispose()
    {
        _train.Dispose();
        _optimizer.Dispose();
        _model.Dispose();
        _windows.Dispose();
    }
}
