// Scenario: an MPI data-parallel script draws batches from a BatchSampler over a DistributedSampler but sets the epoch through (loader.Sampler as IEpochAware), which misses the batch sampler; its BatchNorm warm-up loader is a TorchSharp DataLoader with a rank-fixed seed; both wrong.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
int rank = Dist.Rank, world = Dist.WorldSize;
var device = cuda.is_available() ? CUDA : CPU;
void Log(string message) { if (rank == 0) Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}"); }

manual_seed(31);
var x = randn(20_000, 16);
var y = (x[.., 0] * x[.., 1] > 0).to(ScalarType.Int64);
using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x, ["y"] = y });

var shard = new DistributedSampler(data.Count, numReplicas: world, rank: rank, shuffle: true, seed: 11);
using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 32, dropLast: true), device: device);
using var warmup = torch.utils.data.DataLoader(data, 256, true, device, 1000 + rank); //! CMP003
Log($"world {world}, {shard.Count} samples and {loader.Count} batches per rank");

var model = nn.Sequential(nn.Linear(16, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 2)).to(device);
foreach (var p in model.parameters()) Dist.Broadcast(p, root: 0);

// Settle the BatchNorm statistics before the first step.
model.train();
using (no_grad())
    foreach (var batch in warmup.Take(10))
        model.call(batch["x"]);

var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
var schedule = optim.lr_scheduler.OneCycleLR(optimizer, max_lr: 0.2, total_steps: 30 * (int)loader.Count);
const int MaxEpochs = 30;

for (int epoch = 0; epoch < MaxEpochs; epoch++)
{
    (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
    double sum = 0;
    long steps = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["x"]), batch["y"]);
        loss.backward();
        foreach (var p in model.parameters())
        {
            if (p.grad is null) continue;
            Dist.AllReduce(p.grad);
            p.grad.div_(world);
        }
        optimizer.step();
        schedule.step();
        sum += loss.item<float>();
        steps++;
    }

    var mean = tensor(sum / Math.Max(1, steps));
    Dist.AllReduce(mean);
    Log($"epoch {epoch}: loss {mean.item<double>() / world:F4}");
    if (rank == 0 && (epoch + 1) % 10 == 0)
        model.save($"ddp-epoch{epoch + 1}.bin");
    Dist.Barrier();
}

namespace HeldOut2.Blind.MpiBatchSamplerAsCastBug
{
    static class LaunchInfo { public const string Command = "mpirun -np 8 dotnet run -c Release"; }
}
