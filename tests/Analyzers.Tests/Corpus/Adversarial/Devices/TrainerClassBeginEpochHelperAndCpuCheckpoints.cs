// Scenario: a small trainer class holds its shuffling loader in a field; Fit calls BeginEpoch (which sets the loader's epoch) and then RunEpoch (which iterates it, resuming mid-epoch with IterateFrom), and saves a CPU copy of the weights every epoch — right, nothing to report.
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Fraud;

public sealed class FraudTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly Device _device;
    private readonly string _dir;

    public FraudTrainer(InMemoryDataset transactions, string checkpointDir)
    {
        _device = cuda.is_available() ? CUDA : CPU;
        _dir = checkpointDir;
        _train = new EpochDataLoader(transactions, batchSize: 512, shuffle: true, seed: 123, device: _device, prefetch: true);
        _model = nn.Sequential(nn.Linear(30, 64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, 1));
        _model.to(_device);
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    public void Fit(int epochs, int startEpoch = 0, long resumeBatch = 0)
    {
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            BeginEpoch(epoch);
            double loss = RunEpoch(epoch == startEpoch ? resumeBatch : 0);
            SaveCheckpoint(epoch, loss);
        }
    }

    private void BeginEpoch(int epoch)
    {
        _train.SetEpoch(epoch);
        _model.train();
    }

    private double RunEpoch(long firstBatch)
    {
        double total = 0;
        long steps = 0;
        var positiveWeight = tensor(25f, device: _device);   // about 1 fraud in 25 after undersampling
        foreach (var batch in _train.IterateFrom(firstBatch))
        {
            using var scope = NewDisposeScope();
            _optimizer.zero_grad();
            var logits = _model.call(batch["features"]).squeeze(-1);
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["is_fraud"], pos_weights: positiveWeight);
            loss.backward();
            nn.utils.clip_grad_norm_(_model.parameters(), 1.0);
            _optimizer.step();
            total += loss.item<float>();
            steps++;
        }
        positiveWeight.Dispose();
        return total / Math.Max(1, steps);
    }

    private void SaveCheckpoint(int epoch, double loss)
    {
        Directory.CreateDirectory(_dir);
        // Host copies, so the file loads on a machine without a GPU.
        var weights = new Dictionary<string, float[]>();
        using (no_grad())
        {
            foreach (var (name, t) in _model.state_dict())
                weights[name] = t.cpu().data<float>().ToArray();
        }
        File.WriteAllText(Path.Combine(_dir, $"epoch-{epoch:D3}.json"), JsonSerializer.Serialize(new { epoch, loss, weights }));
    }

    public void Dispose() => _train.Dispose();
}
