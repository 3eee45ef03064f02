// Scenario: data-parallel training over MPI, one GPU per local rank and a per-rank batch sampler; the epoch is set inside the rank-0 logging branch, so the other ranks never reshuffle — wrong (CMP002).
using System.Diagnostics;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
int rank = Dist.Rank, world = Dist.WorldSize;

// One GPU per process on the node; CPU when the node has none.
Device device = cuda.is_available() ? new Device(DeviceType.CUDA, Dist.LocalRank % cuda.device_count()) : CPU;
manual_seed(42);

var data = new FashionMnist();
var shard = new DistributedSampler(data.Count, numReplicas: world, rank: rank, seed: 42, dropLast: true);
using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64), device: device, prefetch: true);

var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 10));
model.to(device);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters(root: 0);
var optimizer = optim.SGD(model.parameters(), learningRate: 0.1 * world, momentum: 0.9);

for (int epoch = 0; epoch < 12; epoch++)
{
    if (rank == 0)
    {
        Console.WriteLine($"== epoch {epoch} on {world} ranks ==");
        train.SetEpoch(epoch);
    }

    var clock = Stopwatch.StartNew();
    long samples = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        nn.utils.clip_grad_norm_(model.parameters(), 2.0);
        optimizer.step();
        samples += batch["label"].shape[0];
    }
    if (device.type == DeviceType.CUDA) cuda.synchronize();
    Dist.Barrier();

    if (rank == 0)
        Console.WriteLine($"epoch {epoch}: {samples * world / clock.Elapsed.TotalSeconds:F0} samples/s across ranks");
}
