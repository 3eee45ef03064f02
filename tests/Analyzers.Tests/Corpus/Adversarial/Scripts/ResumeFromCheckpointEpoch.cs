// Scenario: resume from a checkpoint's epoch (for (var e = ckpt.Epoch; ...)), the loop's own counter passed to SetEpoch, the first resumed epoch skipping its consumed batches with IterateFrom; correct.
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var ckptPath = args.Length > 0 ? args[0] : "run/ckpt.json";
var weightsPath = Path.ChangeExtension(ckptPath, ".bin");
var ckpt = File.Exists(ckptPath)
    ? JsonSerializer.Deserialize<Scripts.Resume.Ckpt>(File.ReadAllText(ckptPath))!
    : new Scripts.Resume.Ckpt(0, 0);

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(10_000, 48),
    ["label"] = randint(0, 4, new long[] { 10_000 }),
});
using var train = new EpochDataLoader(data, batchSize: 100, shuffle: true, seed: 1234);
var model = nn.Sequential(nn.Linear(48, 96), nn.ReLU(), nn.Linear(96, 4));
if (File.Exists(weightsPath)) model.load(weightsPath);
var opt = optim.Adam(model.parameters(), lr: 5e-4);
const int totalEpochs = 40, saveEvery = 25;

for (var e = ckpt.Epoch; e < totalEpochs; e++)
{
    train.SetEpoch(e);
    long batchIdx = e == ckpt.Epoch ? ckpt.Batch : 0;
    foreach (var batch in train.IterateFrom(batchIdx))
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
        batchIdx++;
        if (batchIdx % saveEvery == 0)
        {
            model.save(weightsPath);
            File.WriteAllText(ckptPath, JsonSerializer.Serialize(new Scripts.Resume.Ckpt(e, batchIdx)));
        }
    }
    File.WriteAllText(ckptPath, JsonSerializer.Serialize(new Scripts.Resume.Ckpt(e + 1, 0)));
}

namespace Scripts.Resume
{
    public sealed record Ckpt(int Epoch, long Batch);
}
