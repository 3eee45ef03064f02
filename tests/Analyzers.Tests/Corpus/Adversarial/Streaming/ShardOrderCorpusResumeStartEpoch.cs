// Scenario: a corpus split into shard files permutes its shard order per epoch through its own SetEpoch, and the loader reads it in order, shard by shard; after a resume the loop sets the loader to the epoch but the corpus to startEpoch on every pass — wrong: the shard order never changes after the resume (CMP004).
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Corpus.Shards;

/// <summary>
/// Shards of equal size (shard-00000.bin, ...), each a block of int64 token rows of RowLength. Index i reads
/// row i % RowsPerShard of the (i / RowsPerShard)-th shard in this epoch's shard order, one open shard at a time.
/// </summary>
public sealed class ShardedCorpus : torch.utils.data.Dataset, IEpochAware
{
    public const int RowLength = 65;
    readonly string[] _shards;
    readonly long _rowsPerShard;
    readonly int _seed;
    int[] _order;
    (int Shard, long[] Rows)? _open;

    public ShardedCorpus(string folder, long rowsPerShard, int seed)
    {
        _shards = Directory.GetFiles(folder, "shard-*.bin").Order().ToArray();
        _rowsPerShard = rowsPerShard;
        _seed = seed;
        _order = Enumerable.Range(0, _shards.Length).ToArray();
    }

    public override long Count => _shards.Length * _rowsPerShard;

    public void SetEpoch(int epoch)
    {
        _order = Enumerable.Range(0, _shards.Length).ToArray();
        new Random(_seed + epoch).Shuffle(_order);
        _open = null;
    }

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var shard = _order[index / _rowsPerShard];
        if (_open is not { } open || open.Shard != shard)
        {
            var bytes = File.ReadAllBytes(_shards[shard]);
            var rows = new long[bytes.Length / sizeof(long)];
            Buffer.BlockCopy(bytes, 0, rows, 0, bytes.Length);
            _open = open = (shard, rows);
        }
        var row = open.Rows.AsSpan((int)(index % _rowsPerShard * RowLength), RowLength).ToArray();
        return new() { ["data"] = torch.tensor(row[..^1]), ["label"] = torch.tensor(row[1..]) };
    }
}

public sealed record ResumeState(int Epoch, string Weights);

public static class ShardPretraining
{
    public static void Run(string corpusFolder, string runFolder, int epochs)
    {
        using var corpus = new ShardedCorpus(corpusFolder, rowsPerShard: 100_000, seed: 11);
        // in order: a shard is read once, front to back, before the next one is opened
        using var loader = new EpochDataLoader(corpus, batchSize: 32);

        var model = nn.Sequential(("embed", nn.Embedding(32_000, 192)), ("head", nn.Linear(192, 32_000)));
        var optimizer = optim.AdamW(model.parameters(), 6e-4);

        var statePath = Path.Combine(runFolder, "resume.json");
        var startEpoch = 0;
        if (File.Exists(statePath))
        {
            var state = JsonSerializer.Deserialize<ResumeState>(File.ReadAllText(statePath))!;
            model.load(state.Weights);
            startEpoch = state.Epoch + 1;
            Console.WriteLine($"resuming at epoch {startEpoch}");
        }

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            corpus.SetEpoch(startEpoch); //! CMP004

            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var logits = model.call(batch["data"]);
                var loss = nn.functional.cross_entropy(logits.view(-1, 32_000), batch["label"].view(-1));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            var weights = Path.Combine(runFolder, $"ep{epoch}.dat");
            model.save(weights);
            File.WriteAllText(statePath, JsonSerializer.Serialize(new ResumeState(epoch, weights)));
        }
    }
}
