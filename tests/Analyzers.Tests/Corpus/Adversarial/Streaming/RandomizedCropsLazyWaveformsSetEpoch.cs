// Scenario: long recordings are decoded lazily and cropped at random through IRandomizedDataset (SampleRandom per sample), loaded by a shuffling EpochDataLoader with workers whose epoch is set at the top of each epoch; the validation loader reads in order and is never set — right on both counts.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var trainFiles = File.ReadAllLines("/data/birds/train.txt");
var validFiles = File.ReadAllLines("/data/birds/valid.txt");
var classes = trainFiles.Select(l => l.Split('\t')[1]).Distinct().Order().ToArray();

using var trainSet = new Recordings(trainFiles, classes, randomCrop: true);
using var validSet = new Recordings(validFiles, classes, randomCrop: false);
using var train = new EpochDataLoader(trainSet, batchSize: 48, shuffle: true, seed: 3, workers: 4, dropLast: true);
using var valid = new EpochDataLoader(validSet, batchSize: 96, workers: 2);

var model = nn.Sequential(
    ("conv1", nn.Conv1d(1, 32, 400, stride: 160)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv1d(32, 64, 5, stride: 2)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveMaxPool1d(1)), ("flat", nn.Flatten()),
    ("fc", nn.Linear(64, classes.Length)));
var optimizer = optim.AdamW(model.parameters(), 3e-4);

for (int epoch = 0; epoch < 40; epoch++)
{
    train.SetEpoch(epoch);   // new order and new crops
    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    model.eval();
    long hits = 0;
    using (torch.no_grad())
    {
        foreach (var batch in valid)
        {
            using var scope = torch.NewDisposeScope();
            hits += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        }
    }
    Console.WriteLine($"epoch {epoch}: valid accuracy {(double)hits / validSet.Count:P1}");
}

/// <summary>16 kHz mono float32 recordings listed as "path\tclass"; decoded per sample, never cached.</summary>
sealed class Recordings : torch.utils.data.Dataset, IRandomizedDataset<Dictionary<string, Tensor>>
{
    const int CropLength = 32_000;   // two seconds
    readonly (string Path, long Label)[] _items;
    readonly bool _randomCrop;

    public Recordings(string[] lines, string[] classes, bool randomCrop)
    {
        _items = lines.Select(l => l.Split('\t')).Select(p => (p[0], (long)Array.IndexOf(classes, p[1]))).ToArray();
        _randomCrop = randomCrop;
    }

    public override long Count => _items.Length;

    // TorchSharp's own DataLoader would call this one: the fixed generator of sample `index`
    public override Dictionary<string, Tensor> GetTensor(long index) => GetSample(index, new SampleRandom(0, 0, index));

    public Dictionary<string, Tensor> GetSample(long index, SampleRandom random)
    {
        var (path, label) = _items[index];
        var bytes = File.ReadAllBytes(path);
        var wave = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, wave, 0, wave.Length * sizeof(float));

        var room = Math.Max(0, wave.Length - CropLength);
        var start = _randomCrop && room > 0 ? random.Next(room + 1) : room / 2;
        var crop = new float[CropLength];
        Array.Copy(wave, start, crop, 0, Math.Min(CropLength, wave.Length - start));
        return new() { ["data"] = torch.tensor(crop).unsqueeze(0), ["label"] = torch.tensor(label) };
    }
}
