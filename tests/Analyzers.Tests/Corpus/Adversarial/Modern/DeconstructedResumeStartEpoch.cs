// Scenario: a resumed DDP run deconstructs `var (startEpoch, _) = ReadResumePoint(dir)` and then, inside the epoch loop, passes `startEpoch` instead of the loop's epoch to the shard sampler — the same epoch on every pass (CMP004).
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const string CheckpointDir = "runs/resnet-lite";
const int TotalEpochs = 40;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(10_000, 3, 32, 32),
    ["label"] = randint(0, 10, [10_000], dtype: ScalarType.Int64),
});

var (startEpoch, _) = ReadResumePoint(CheckpointDir);
var shard = new DistributedSampler(data.Count, seed: 17);
using var train = new EpochDataLoader(data, batchSize: 64, sampler: shard, workers: 4);

var model = Sequential(
    ("conv1", Conv2d(3, 32, 3, padding: 1)), ("act1", ReLU()), ("pool1", MaxPool2d(2)),
    ("conv2", Conv2d(32, 64, 3, padding: 1)), ("act2", ReLU()), ("pool2", AdaptiveAvgPool2d(1)),
    ("flat", Flatten()), ("head", Linear(64, 10)));
if (startEpoch > 0) model.load(Path.Combine(CheckpointDir, "model.bin"));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9, weight_decay: 5e-4);

for (var epoch = startEpoch; epoch < TotalEpochs; epoch++)
{
    // resume where we left off
    shard.SetEpoch(startEpoch); //! CMP004

    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }

    if (Dist.Rank == 0)
    {
        Directory.CreateDirectory(CheckpointDir);
        model.save(Path.Combine(CheckpointDir, "model.bin"));
        File.WriteAllText(Path.Combine(CheckpointDir, "resume.json"),
            JsonSerializer.Serialize(new ResumePoint(epoch + 1, 0)));
    }
}

static (int Epoch, long Step) ReadResumePoint(string dir)
{
    var path = Path.Combine(dir, "resume.json");
    if (!File.Exists(path)) return (0, 0);
    var point = JsonSerializer.Deserialize<ResumePoint>(File.ReadAllText(path));
    return point is { Epoch: >= 0 } ? (point.Epoch, point.Step) : (0, 0);
}

internal sealed record ResumePoint(int Epoch, long Step);
