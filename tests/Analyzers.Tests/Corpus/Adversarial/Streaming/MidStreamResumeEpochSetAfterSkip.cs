// Scenario: a data-parallel run resumes in the middle of an epoch with IterateFrom and, to "not disturb the skip", sets the epoch on the batch sampler the loader was built from at the first batch inside the batch loop — wrong: the order was fixed when the iteration began, so the epoch arrives one epoch late (CMP005).
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const int EpochCount = 20;
const string CheckpointFile = "runs/speech/latest.json";

using var frames = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("/data/speech/frames.pt"),     // [N, 40] log-mel frames
    ["label"] = torch.load("/data/speech/phones.pt"),    // [N] phone ids
});

var shard = new DistributedSampler(frames.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 5);
var batches = new BatchSampler(shard, 512, dropLast: true);
using var train = new EpochDataLoader(frames, batchSampler: batches, prefetch: true);

var model = nn.Sequential(("fc1", nn.Linear(40, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 48)));
var optimizer = optim.Adam(model.parameters(), 1e-3);

var (startEpoch, resumeBatch) = (0, 0L);
if (File.Exists(CheckpointFile))
{
    var saved = JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(CheckpointFile))!;
    (startEpoch, resumeBatch) = ((int)saved["epoch"], saved["batch"]);
    model.load($"runs/speech/ep{startEpoch}-ba{resumeBatch}.dat");
}

for (int epoch = startEpoch; epoch < EpochCount; epoch++)
{
    var first = epoch == startEpoch ? resumeBatch : 0;
    var seenFirst = false;
    long batchIndex = first;
    foreach (var batch in train.IterateFrom(first))
    {
        if (!seenFirst)
        {
            batches.SetEpoch(epoch); //! CMP005
            seenFirst = true;
        }

        using var scope = torch.NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        if (++batchIndex % 1_000 == 0 && Dist.Rank == 0)
        {
            model.save($"runs/speech/ep{epoch}-ba{batchIndex}.dat");
            File.WriteAllText(CheckpointFile, JsonSerializer.Serialize(new Dictionary<string, long> { ["epoch"] = epoch, ["batch"] = batchIndex }));
        }
    }
}
