// Scenario: images packed into one record file with an offset index are decoded lazily per sample and fed through TorchSharp's DataLoader(shuffle: true, seed: 2024); the loop even calls Epochs.SetEpoch on it — wrong: the built-in shuffle reseeds from 2024 at every enumeration and is not epoch-aware, so every epoch has the same order (CMP003).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vision.Packed;

/// <summary>
/// A record file (records.bin) of 28×28 grayscale images, one label byte then 784 pixel bytes per record,
/// with an index (records.idx) of int64 offsets. Only the index is held in memory.
/// </summary>
public sealed class PackedRecords : torch.utils.data.Dataset
{
    const int Pixels = 28 * 28;
    readonly string _path;
    readonly long[] _offsets;

    public PackedRecords(string folder)
    {
        _path = Path.Combine(folder, "records.bin");
        var raw = File.ReadAllBytes(Path.Combine(folder, "records.idx"));
        _offsets = new long[raw.Length / sizeof(long)];
        Buffer.BlockCopy(raw, 0, _offsets, 0, raw.Length);
    }

    public override long Count => _offsets.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var record = new byte[1 + Pixels];
        using (var file = File.OpenRead(_path))
        {
            file.Position = _offsets[index];
            file.ReadExactly(record);
        }
        var pixels = record.Skip(1).Select(b => b / 255f).ToArray();
        return new()
        {
            ["data"] = torch.tensor(pixels).view(1, 28, 28),
            ["label"] = torch.tensor((long)record[0]),
        };
    }
}

public static class PackedTraining
{
    public static void Run(string folder, int epochs)
    {
        using var records = new PackedRecords(folder);
        // reproducible runs: fixed shuffling seed
        using var train = new DataLoader(records, 128, shuffle: true, seed: 2024, num_worker: 4); //! CMP003

        var model = nn.Sequential(
            ("conv1", nn.Conv2d(1, 32, 3, padding: 1)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(32, 64, 3, padding: 1)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(2)),
            ("flat", nn.Flatten()),
            ("fc", nn.Linear(64 * 7 * 7, 10)));
        var optimizer = optim.Adam(model.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            model.train();
            var correct = 0L;
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                var logits = model.call(batch["data"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
            }
            Console.WriteLine($"epoch {epoch}: train accuracy {(double)correct / records.Count:P2}");
        }
    }
}
