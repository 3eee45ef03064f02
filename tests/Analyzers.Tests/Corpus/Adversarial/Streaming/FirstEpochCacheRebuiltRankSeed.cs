// Scenario: the first epoch streams slowly-decoded rows in file order and caches them; every later epoch rebuilds a TorchSharp DataLoader over the cache with shuffle: true and seed: 42 + Dist.Rank — wrong: the rank is the same on every pass, so each rebuilt loader repeats one order (CMP003).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int EpochCount = 12;

using var source = new CsvRows("/data/tabular/train.csv", features: 40);
var model = nn.Sequential(
    ("fc1", nn.Linear(40, 128)),
    ("relu", nn.ReLU()),
    ("drop", nn.Dropout(0.1)),
    ("fc2", nn.Linear(128, 2)));
var optimizer = optim.AdamW(model.parameters(), 2e-3);

InMemoryDataset? cache = null;
for (int epoch = 0; epoch < EpochCount; epoch++)
{
    if (cache is null)
    {
        // epoch 0: parse straight from the CSV, in file order, and keep every parsed batch
        using var firstPass = new DataLoader(source, 256, shuffle: false);
        var xs = new List<Tensor>();
        var ys = new List<Tensor>();
        foreach (var batch in firstPass)
        {
            Step(batch);
            xs.Add(batch["data"].clone());
            ys.Add(batch["label"].clone());
        }
        cache = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = torch.cat(xs, 0), ["label"] = torch.cat(ys, 0) });
        Console.WriteLine($"cached {cache.Count} rows after epoch 0");
        continue;
    }

    // later epochs: shuffle the cache, a different stream per rank
    using var cached = new DataLoader(cache, 256, shuffle: true, seed: 42 + Dist.Rank); //! CMP003
    foreach (var batch in cached)
        Step(batch);
}

void Step(Dictionary<string, Tensor> batch)
{
    using var scope = torch.NewDisposeScope();
    var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
}

/// <summary>Rows of a CSV file (features..., label), parsed on each access from a line-offset index.</summary>
sealed class CsvRows : torch.utils.data.Dataset
{
    readonly string _path;
    readonly long[] _lineStarts;
    readonly int _features;

    public CsvRows(string path, int features)
    {
        _path = path;
        _features = features;
        var starts = new List<long>();
        using var stream = File.OpenRead(path);
        long position = 0;
        int b;
        // every line but the header starts right after a newline
        while ((b = stream.ReadByte()) != -1)
        {
            position++;
            if (b == '\n') starts.Add(position);
        }
        if (starts.Count > 0 && starts[^1] == position) starts.RemoveAt(starts.Count - 1);
        _lineStarts = starts.ToArray();
    }

    public override long Count => _lineStarts.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        using var reader = new StreamReader(_path);
        reader.BaseStream.Position = _lineStarts[index];
        var cells = reader.ReadLine()!.Split(',');
        var x = cells.Take(_features).Select(float.Parse).ToArray();
        return new() { ["data"] = torch.tensor(x), ["label"] = torch.tensor(long.Parse(cells[_features])) };
    }
}
