// Scenario: a log corpus whose own SetEpoch picks which compressed shard files to stream this epoch is read in order through a SequentialSampler (no loader shuffle, for locality), and the loop sets only the corpus's epoch — right: the loader's order does not depend on the epoch, and the corpus gets the advancing epoch.
using System.IO.Compression;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Logs.Anomaly;

/// <summary>
/// Gzipped shards of fixed-size records (64 float32 features + 1 label byte). Each epoch uses a different
/// rotation of the shard list, so the model does not always finish on the same shards; the current shard is
/// decompressed once and kept until the reader moves past it.
/// </summary>
public sealed class RotatingShardCorpus : torch.utils.data.Dataset
{
    const int Features = 64, RecordBytes = Features * sizeof(float) + 1;
    readonly string[] _shards;
    readonly int _recordsPerShard;
    int _rotation;
    (int Shard, byte[] Bytes)? _current;

    public RotatingShardCorpus(string folder, int recordsPerShard)
    {
        _shards = Directory.GetFiles(folder, "*.rec.gz").Order().ToArray();
        _recordsPerShard = recordsPerShard;
    }

    public override long Count => (long)_shards.Length * _recordsPerShard;

    public void SetEpoch(int epoch)
    {
        _rotation = epoch % _shards.Length;
        _current = null;
    }

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var shard = (int)((index / _recordsPerShard + _rotation) % _shards.Length);
        if (_current is not { } current || current.Shard != shard)
        {
            using var gz = new GZipStream(File.OpenRead(_shards[shard]), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gz.CopyTo(buffer);
            _current = current = (shard, buffer.ToArray());
        }
        var offset = (int)(index % _recordsPerShard) * RecordBytes;
        var features = new float[Features];
        Buffer.BlockCopy(current.Bytes, offset, features, 0, Features * sizeof(float));
        return new()
        {
            ["data"] = torch.tensor(features),
            ["label"] = torch.tensor((float)current.Bytes[offset + RecordBytes - 1]),
        };
    }
}

public static class AnomalyTraining
{
    public static void Run(string folder, int epochs)
    {
        using var corpus = new RotatingShardCorpus(folder, recordsPerShard: 50_000);
        using var loader = new EpochDataLoader(corpus, batchSize: 1024, sampler: new SequentialSampler(corpus.Count));

        var model = nn.Sequential(("fc1", nn.Linear(64, 32)), ("tanh", nn.Tanh()), ("fc2", nn.Linear(32, 1)));
        var optimizer = optim.RMSProp(model.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            corpus.SetEpoch(epoch);
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var scores = model.call(batch["data"]).squeeze(-1);
                var loss = nn.functional.binary_cross_entropy_with_logits(scores, batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total / loader.Count:F4}");
        }
    }
}
