// Scenario: a sensor archive too big to train on whole is subsampled each epoch with a RandomSampler (replacement, numSamples) over windows decoded on demand; the loop sets the epoch on the archive (its jitter) but never on the loader — wrong: the sampler stays at epoch 0 and every epoch draws the same subset in the same order (CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int WindowLength = 256;
const int Channels = 6;
const int EpochCount = 30;

using var archive = new SensorArchive("/data/imu/archive.bin", "/data/imu/labels.bin", WindowLength, Channels);
Console.WriteLine($"{archive.Count:N0} windows in the archive");

// 250k windows per epoch out of ~40M; redrawn every epoch
var subset = new RandomSampler(archive.Count, seed: 21, replacement: true, numSamples: 250_000);
using var train = new EpochDataLoader(archive, batchSize: 512, sampler: subset, workers: 4);

var model = nn.Sequential(
    ("conv", nn.Conv1d(Channels, 64, 7, padding: 3)),
    ("relu", nn.ReLU()),
    ("pool", nn.AdaptiveAvgPool1d(1)),
    ("flat", nn.Flatten()),
    ("fc", nn.Linear(64, 12)));
var optimizer = torch.optim.SGD(model.parameters(), 0.05, momentum: 0.9);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    archive.SetEpoch(epoch);              // new jitter for this epoch's windows

    double sum = 0;
    int batches = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = torch.NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
        batches++;
    }
    Console.WriteLine($"epoch {epoch,2}: {sum / batches:F4}");
}

/// <summary>Fixed-size windows of interleaved float32 channels, read with a seek per sample.</summary>
sealed class SensorArchive : torch.utils.data.Dataset
{
    readonly string _path;
    readonly byte[] _labels;
    readonly int _length, _channels;
    int _epoch;

    public SensorArchive(string path, string labelPath, int length, int channels)
    {
        _path = path;
        _labels = File.ReadAllBytes(labelPath);
        _length = length;
        _channels = channels;
    }

    public override long Count => _labels.Length;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var bytes = new byte[_length * _channels * sizeof(float)];
        using (var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            stream.Seek(index * bytes.Length, SeekOrigin.Begin);
            stream.ReadExactly(bytes);
        }
        var values = new float[_length * _channels];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        var jitter = 0.01f * (float)new Random(HashCode.Combine(_epoch, index)).NextDouble();
        return new()
        {
            ["data"] = torch.tensor(values).view(_length, _channels).t().add(jitter),
            ["label"] = torch.tensor((long)_labels[index]),
        };
    }
}
