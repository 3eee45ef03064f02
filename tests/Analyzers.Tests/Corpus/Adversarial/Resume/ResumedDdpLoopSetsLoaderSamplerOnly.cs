// Scenario: a data-parallel Fashion-MNIST job resumes at the epoch after its last checkpoint and reshuffles with `if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch)`, but the loader draws from a BatchSampler over a DistributedSampler, so that sampler is a SequentialSampler and every resumed epoch replays epoch 0 — wrong (CMP001)
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 30;
const string CheckpointDir = "checkpoints/fmnist-ddp";

Dist.Initialize();
int rank = Dist.Rank;

using var train = new FashionMnist(train: true);
var shard = new DistributedSampler(train.Count, numReplicas: Dist.WorldSize, rank: rank, seed: 17);
using var loader = new EpochDataLoader(train, batchSampler: new BatchSampler(shard, 128, dropLast: true));

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 10)));
var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);

// Pick up where the preempted job left off (rank 0 wrote these files).
int startEpoch = 0;
var statePath = Path.Combine(CheckpointDir, "state.json");
if (File.Exists(statePath))
{
    var saved = JsonSerializer.Deserialize<ResumeState>(File.ReadAllText(statePath))!;
    model.load(Path.Combine(CheckpointDir, "model.bin"));
    startEpoch = saved.LastCompletedEpoch + 1;
    if (rank == 0) Console.WriteLine($"resuming at epoch {startEpoch} (loss was {saved.Loss:F4})");
}

using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

for (int epoch = startEpoch; epoch < MaxEpochs; epoch++)
{
    // Same shuffle as the uninterrupted run would have had for this epoch.
    if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

    model.train();
    double total = 0;
    int steps = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }

    if (rank == 0)
    {
        Directory.CreateDirectory(CheckpointDir);
        model.save(Path.Combine(CheckpointDir, "model.bin"));
        File.WriteAllText(statePath, JsonSerializer.Serialize(new ResumeState(epoch, total / Math.Max(steps, 1))));
        Console.WriteLine($"epoch {epoch}: loss {total / Math.Max(steps, 1):F4}");
    }
}

record ResumeState(int LastCompletedEpoch, double Loss);
