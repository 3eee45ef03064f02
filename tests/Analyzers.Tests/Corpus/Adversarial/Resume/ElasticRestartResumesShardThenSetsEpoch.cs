// Scenario: an elastic job records `shard.GetResumeState(consumed)` when a rank is lost; the restarted job (any world size) calls `shard.Resume(state)` for the interrupted epoch and `shard.SetEpoch(epoch)` for every other one, the loader built over that shard — right
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 10;
const string ElasticFile = "/shared/elastic/sampler.json";

Dist.Initialize();

using var trainSet = new FashionMnist(train: true);
var shard = new DistributedSampler(trainSet.Count, seed: 21);          // numReplicas/rank from this job's Dist
using var loader = new EpochDataLoader(trainSet, batchSize: 64, sampler: shard);

var model = nn.Sequential(
    ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.02, momentum: 0.9);
using var reducer = new GradientAllReducer(model);

SamplerResumeState? pending = null;
int startEpoch = 0;
if (File.Exists(ElasticFile))
{
    var saved = JsonSerializer.Deserialize<SavedSampler>(File.ReadAllText(ElasticFile))!;
    model.load("/shared/elastic/model.bin");
    pending = new SamplerResumeState(saved.Epoch, saved.Consumed);
    startEpoch = saved.Epoch;
    if (Dist.Rank == 0)
        Console.WriteLine($"resuming epoch {saved.Epoch} on {Dist.WorldSize} ranks (was {saved.WorldSize}), {saved.Consumed} samples already seen");
}
reducer.BroadcastParameters();

for (int epoch = startEpoch; epoch < MaxEpochs; epoch++)
{
    if (pending is { } state && state.Epoch == epoch)
    {
        shard.Resume(state);      // the rest of the interrupted epoch, re-dealt over this job's ranks
        pending = null;
    }
    else
    {
        shard.SetEpoch(epoch);
    }

    long seenOnRank = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
        seenOnRank += batch["label"].shape[0];

        if (Dist.Rank == 0 && seenOnRank % 6_400 == 0)
        {
            var snapshot = shard.GetResumeState(seenOnRank);
            model.save("/shared/elastic/model.bin");
            File.WriteAllText(ElasticFile, JsonSerializer.Serialize(new SavedSampler(snapshot.Epoch, snapshot.Consumed, Dist.WorldSize)));
        }
    }
}

record SavedSampler(int Epoch, long Consumed, int WorldSize);
