// Scenario: a resumable trainer class reads the checkpoint's epoch into a readonly `_resumeEpoch` and starts its loop there, but then passes `_resumeEpoch` to the shard sampler on every pass, so every epoch after the restart has the same shuffle — wrong (CMP004)
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecasting;

public sealed record ForecastCheckpoint(int Epoch, double BestValLoss);

public sealed class ResumableForecastTrainer : IDisposable
{
    private readonly DistributedSampler _sampler;
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly string _checkpointDir;
    private readonly int _resumeEpoch;
    private readonly int _maxEpochs;

    public ResumableForecastTrainer(InMemoryDataset windows, string checkpointDir, int maxEpochs)
    {
        _checkpointDir = checkpointDir;
        _maxEpochs = maxEpochs;
        _sampler = new DistributedSampler(windows.Count, seed: 77);
        _loader = new EpochDataLoader(windows, batchSize: 256, sampler: _sampler, dropLast: true);
        _model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("hidden", nn.Linear(48 * 6, 128)), ("act", nn.SiLU()),
            ("horizon", nn.Linear(128, 24)));
        _optimizer = optim.Adam(_model.parameters(), lr: 5e-4);

        var metaPath = Path.Combine(checkpointDir, "last.json");
        if (File.Exists(metaPath))
        {
            var last = JsonSerializer.Deserialize<ForecastCheckpoint>(File.ReadAllText(metaPath))!;
            _model.load(Path.Combine(checkpointDir, "last.bin"));
            _resumeEpoch = last.Epoch + 1;
        }
    }

    public void Train()
    {
        using var reducer = new GradientAllReducer(_model);
        reducer.BroadcastParameters();

        for (int epoch = _resumeEpoch; epoch < _maxEpochs; epoch++)
        {
            _sampler.SetEpoch(_resumeEpoch); //! CMP004
            _model.train();
            foreach (var batch in _loader)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.l1_loss(_model.call(batch["data"]), batch["target"]);
                loss.backward();
                reducer.AverageGradients();
                _optimizer.step();
            }

            if (Dist.Rank == 0) SaveCheckpoint(epoch);
        }
    }

    private void SaveCheckpoint(int epoch)
    {
        Directory.CreateDirectory(_checkpointDir);
        _model.save(Path.Combine(_checkpointDir, "last.bin"));
        File.WriteAllText(Path.Combine(_checkpointDir, "last.json"),
            JsonSerializer.Serialize(new ForecastCheckpoint(epoch, double.NaN)));
    }

    public void Dispose() => _loader.Dispose();
}
