// Scenario: a loader with four decoding workers over lazily decoded satellite tiles; to let the workers "see the next order early", the user sets epoch + 1 on the loader at the last batch, inside the batch loop — wrong: it is set while the loader is being iterated (CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Geo.Tiles;

/// <summary>Tiles stored as raw 4-band uint8 files (tile_000123.raw), 64×64, labels in labels.csv.</summary>
public sealed class TileFolder : torch.utils.data.Dataset
{
    const int Side = 64, Bands = 4;
    readonly string[] _files;
    readonly long[] _labels;

    public TileFolder(string folder)
    {
        var rows = File.ReadLines(Path.Combine(folder, "labels.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        _files = rows.Select(r => Path.Combine(folder, r[0])).ToArray();
        _labels = rows.Select(r => long.Parse(r[1])).ToArray();
    }

    public override long Count => _files.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var raw = File.ReadAllBytes(_files[index]);
        var pixels = new float[Bands * Side * Side];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = raw[i] / 255f;
        return new()
        {
            ["data"] = torch.tensor(pixels).view(Bands, Side, Side),
            ["label"] = torch.tensor(_labels[index]),
        };
    }
}

public sealed class TileTrainer(string folder, int epochs)
{
    public void Fit()
    {
        using var tiles = new TileFolder(folder);
        using var train = new EpochDataLoader(tiles, batchSize: 64, shuffle: true, seed: 17, workers: 4);

        var model = nn.Sequential(
            ("conv1", nn.Conv2d(4, 32, 3, padding: 1)), ("bn1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("bn2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()),
            ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 10)));
        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);

        train.SetEpoch(0);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            long seen = 0;
            foreach (var batch in train)
            {
                using (torch.NewDisposeScope())
                {
                    var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }

                // last batch: queue the next epoch's order so the workers can start on it
                if (++seen == train.Count)
                    train.SetEpoch(epoch + 1); //! CMP005
            }
            Console.WriteLine($"epoch {epoch}: {seen} batches");
        }
    }
}
