// Scenario: a mid-epoch resume enumerates `train.IterateFrom(skip).Select((b, i) => (b, i))` and sets the epoch when `i == 0`, i.e. after the enumeration has already fixed its order, so each epoch runs with the previous one's shuffle and the resumed epoch disagrees with the crashed run — wrong (CMP005)
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 12;
const int CheckpointEvery = 100;
const string CheckpointPath = "ckpt/state.json";

using var trainSet = new FashionMnist(train: true);
using var train = new EpochDataLoader(trainSet, batchSize: 100, shuffle: true, seed: 5, prefetch: true);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 300)), ("tanh", nn.Tanh()),
    ("fc2", nn.Linear(300, 10)));
var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);

var saved = File.Exists(CheckpointPath)
    ? JsonSerializer.Deserialize<Saved>(File.ReadAllText(CheckpointPath))!
    : new Saved(0, 0);
if (saved.Epoch > 0 || saved.Batch > 0) model.load("ckpt/model.bin");

for (int epoch = saved.Epoch; epoch < MaxEpochs; epoch++)
{
    long skip = epoch == saved.Epoch ? saved.Batch : 0;
    model.train();
    foreach (var (batch, i) in train.IterateFrom(skip).Select((b, i) => (b, i)))
    {
        if (i == 0) train.SetEpoch(epoch); //! CMP005

        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();

        long done = skip + i + 1;
        if (done % CheckpointEvery == 0)
        {
            model.save("ckpt/model.bin");
            File.WriteAllText(CheckpointPath, JsonSerializer.Serialize(new Saved(epoch, done)));
        }
    }
}

record Saved(int Epoch, long Batch);
