// Scenario: a typed EpochDataLoader<T, TBatch> streams lazily parsed JSONL reviews through a collate function; after a crash the run resumes mid-epoch with IterateFrom(resumeBatch), setting the epoch before each enumeration — right: the epoch is set before the iteration, the skipped batches are not loaded, and later epochs start from 0.
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int MaxTokens = 200;
const int EpochCount = 6;
const string ProgressFile = "runs/reviews/progress.json";

using var reviews = new JsonlReviews("/data/reviews/train.jsonl");
using var train = new EpochDataLoader<Review, Dictionary<string, Tensor>>(
    reviews, Collate, batchSize: 64, shuffle: true, seed: 12, workers: 3);

var model = nn.Sequential(
    ("embed", nn.Embedding(30_000, 64)),
    ("flat", nn.Flatten()),
    ("fc", nn.Linear(64 * MaxTokens, 2)));
var optimizer = optim.Adam(model.parameters(), 1e-3);

var progress = File.Exists(ProgressFile)
    ? JsonSerializer.Deserialize<Progress>(File.ReadAllText(ProgressFile))!
    : new Progress(0, 0);
if (progress.Batch > 0 || progress.Epoch > 0) model.load($"runs/reviews/ep{progress.Epoch}-ba{progress.Batch}.dat");

for (int epoch = progress.Epoch; epoch < EpochCount; epoch++)
{
    train.SetEpoch(epoch);
    long batchIndex = epoch == progress.Epoch ? progress.Batch : 0;
    foreach (var batch in train.IterateFrom(batchIndex))
    {
        using (torch.NewDisposeScope())
        {
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        foreach (var t in batch.Values) t.Dispose();

        if (++batchIndex % 500 == 0)
        {
            model.save($"runs/reviews/ep{epoch}-ba{batchIndex}.dat");
            File.WriteAllText(ProgressFile, JsonSerializer.Serialize(new Progress(epoch, batchIndex)));
        }
    }
}

static Dictionary<string, Tensor> Collate(IReadOnlyList<Review> items, Device device)
{
    var ids = new long[items.Count, MaxTokens];
    for (int i = 0; i < items.Count; i++)
        for (int j = 0; j < Math.Min(MaxTokens, items[i].Tokens.Length); j++)
            ids[i, j] = items[i].Tokens[j];
    return new()
    {
        ["data"] = torch.tensor(ids, device: device),
        ["label"] = torch.tensor(items.Select(r => r.Positive ? 1L : 0L).ToArray(), device: device),
    };
}

record Progress(int Epoch, long Batch);

record Review(int[] Tokens, bool Positive);

/// <summary>One JSON object per line ({"tokens": [...], "positive": true}); only the line offsets are kept in memory.</summary>
sealed class JsonlReviews : torch.utils.data.Dataset<Review>
{
    static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    readonly string _path;
    readonly long[] _offsets;

    public JsonlReviews(string path)
    {
        _path = path;
        var offsets = new List<long> { 0 };
        using var stream = File.OpenRead(path);
        long position = 0;
        int b;
        while ((b = stream.ReadByte()) != -1)
        {
            position++;
            if (b == '\n' && position < stream.Length) offsets.Add(position);
        }
        _offsets = offsets.ToArray();
    }

    public override long Count => _offsets.Length;

    public override Review GetTensor(long index)
    {
        using var reader = new StreamReader(_path);
        reader.BaseStream.Position = _offsets[index];
        return JsonSerializer.Deserialize<Review>(reader.ReadLine()!, Options)!;
    }
}
