// Scenario: a data-parallel job sets the loader's epoch only inside rank 0's end-of-epoch checkpoint block (`train.SetEpoch(epoch + 1)` "so the checkpoint records the next shuffle"); the other ranks never reshuffle and their shards stop partitioning the data with rank 0's — wrong (CMP002)
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 20;
const string CkptDir = "/mnt/shared/ckpt/fmnist-mlp";

Dist.Initialize();

using var trainSet = new FashionMnist(train: true);
// shuffle: true shards itself with a DistributedSampler under mpirun.
using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 3, dropLast: true);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 512)), ("relu1", nn.ReLU()),
    ("fc2", nn.Linear(512, 128)), ("relu2", nn.ReLU()),
    ("out", nn.Linear(128, 10)));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);

int start = 0;
var metaPath = Path.Combine(CkptDir, "meta.json");
if (File.Exists(metaPath))
{
    var meta = JsonSerializer.Deserialize<CheckpointMeta>(File.ReadAllText(metaPath))!;
    model.load(Path.Combine(CkptDir, "weights.bin"));
    start = meta.NextEpoch;
}
train.SetEpoch(start);

using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

for (int epoch = start; epoch < MaxEpochs; epoch++)
{
    model.train();
    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }

    if (Dist.Rank == 0)
    {
        Directory.CreateDirectory(CkptDir);
        model.save(Path.Combine(CkptDir, "weights.bin"));
        File.WriteAllText(metaPath, JsonSerializer.Serialize(new CheckpointMeta(epoch + 1)));
        // Prepare the next epoch's shuffle so it matches what the checkpoint says.
        train.SetEpoch(epoch + 1);
        Console.WriteLine($"saved after epoch {epoch}");
    }
    Dist.Barrier();
}

record CheckpointMeta(int NextEpoch);
