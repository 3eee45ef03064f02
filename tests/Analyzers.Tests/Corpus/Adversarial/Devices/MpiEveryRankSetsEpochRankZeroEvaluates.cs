// Scenario: data-parallel training over MPI with a per-rank BatchSampler over a DistributedSampler; every rank sets the epoch with Epochs.SetEpoch before training, then non-zero ranks skip the rank-0 tail (evaluation on the CPU, checkpoint) — right, nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
bool isMainProcess = Dist.Rank == 0;
var device = cuda.is_available() ? new Device(DeviceType.CUDA, Dist.LocalRank % cuda.device_count()) : CPU;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

var shard = new DistributedSampler(trainSet.Count, seed: 77);
using var train = new EpochDataLoader(trainSet, batchSampler: new BatchSampler(shard, 128, dropLast: true), device: device);
// Only rank 0 evaluates, on the host, over the whole test split in order.
using var test = new EpochDataLoader(testSet, batchSize: 1000);

var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 400), nn.ReLU(), nn.Linear(400, 10));
model.to(device);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05 * Dist.WorldSize, momentum: 0.9);

for (int epoch = 0; epoch < 15; epoch++)
{
    Epochs.SetEpoch(train, epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
        reducer.AverageGradients();
        nn.utils.clip_grad_norm_(model.parameters(), 1.0);
        optimizer.step();
    }
    Dist.Barrier();

    if (!isMainProcess) continue;

    // Rank 0's tail: score a CPU copy of the weights, then save it.
    var snapshot = nn.Sequential(nn.Flatten(), nn.Linear(784, 400), nn.ReLU(), nn.Linear(400, 10));
    using (no_grad())
    {
        var live = model.state_dict();
        foreach (var (name, p) in snapshot.state_dict()) p.copy_(live[name].cpu());
    }
    snapshot.eval();
    long correct = 0;
    using (no_grad())
    {
        foreach (var batch in test)
        {
            using var scope = NewDisposeScope();
            correct += snapshot.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        }
    }
    snapshot.save($"checkpoints/epoch-{epoch:D2}.bin");
    Console.WriteLine($"epoch {epoch}: test accuracy {(double)correct / testSet.Count:P2}");
    snapshot.Dispose();
}
