// Scenario: a resumable trainer with a typed EpochDataLoader<Sample, XyBatch> keeps its progress in a mutable object saved as JSON, sets the epoch from progress.Epoch before resuming mid-epoch with IterateFrom, and advances the object at the end of each epoch; correct.
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.ResumeProgressObjectCorrect;

public sealed class TrainingProgress
{
    public int Epoch { get; set; }
    public long BatchInEpoch { get; set; }
    public double BestLoss { get; set; } = double.MaxValue;
}

public sealed record Sample(float[] Features, float Target);

public sealed record XyBatch(Tensor X, Tensor Y);

public sealed class SampleSet(IReadOnlyList<Sample> samples) : torch.utils.data.Dataset<Sample>
{
    public override long Count => samples.Count;
    public override Sample GetTensor(long index) => samples[(int)index];
}

public sealed class ResumableTrainer
{
    private readonly EpochDataLoader<Sample, XyBatch> _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly string _dir;
    private readonly int _maxEpochs;
    private TrainingProgress _progress = new();

    public ResumableTrainer(SampleSet data, nn.Module<Tensor, Tensor> model, string dir, int maxEpochs)
    {
        _train = new EpochDataLoader<Sample, XyBatch>(data, Collate, batchSize: 128, shuffle: true, seed: 1234, prefetch: true);
        (_model, _dir, _maxEpochs) = (model, dir, maxEpochs);
        Directory.CreateDirectory(dir);
    }

    private static XyBatch Collate(IReadOnlyList<Sample> batch, Device device) =>
        new(tensor(batch.SelectMany(s => s.Features).ToArray(), new long[] { batch.Count, batch[0].Features.Length }, device: device),
         tensor(batch.Select(s => s.Target).ToArray(), device: device).unsqueeze(1));

    private string ProgressPath => Path.Combine(_dir, "progress.json");
    private string WeightsPath => Path.Combine(_dir, "weights.bin");

    public void Run(int saveEveryBatches = 500)
    {
        if (File.Exists(ProgressPath) && File.Exists(WeightsPath))
        {
            _progress = JsonSerializer.Deserialize<TrainingProgress>(File.ReadAllText(ProgressPath)) ?? new();
            _model.load(WeightsPath);
            Console.WriteLine($"resumed at epoch {_progress.Epoch}, batch {_progress.BatchInEpoch}");
        }

        var optimizer = optim.Adam(_model.parameters(), 1e-3);
        while (_progress.Epoch < _maxEpochs)
        {
            _train.SetEpoch(_progress.Epoch);
            double sum = 0;
            long n = 0;
            foreach (var batch in _train.IterateFrom(_progress.BatchInEpoch))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.smooth_l1_loss(_model.call(batch.X), batch.Y);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                n++;
                _progress.BatchInEpoch++;
                if (_progress.BatchInEpoch % saveEveryBatches == 0) Save();
            }

            double epochLoss = sum / Math.Max(1, n);
            _progress.BestLoss = Math.Min(_progress.BestLoss, epochLoss);
            Console.WriteLine($"epoch {_progress.Epoch}: loss {epochLoss:F5} (best {_progress.BestLoss:F5})");
            _progress.Epoch++;
            _progress.BatchInEpoch = 0;
            Save();
        }
    }

    private void Save()
    {
        _model.save(WeightsPath + ".tmp");
        File.Move(WeightsPath + ".tmp", WeightsPath, overwrite: true);
        File.WriteAllText(ProgressPath, JsonSerializer.Serialize(_progress));
    }
}
