// Scenario: an MPI script shards training data with a DistributedSampler passed as sampler: (no batch sampler) and sets the epoch through `train.Sampler is IEpochAware`; the evaluation loader uses a non-shuffling DistributedSampler; correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
int rank = Dist.Rank, world = Dist.WorldSize;
bool isMain = rank == 0;
var device = cuda.is_available() ? torch.device(DeviceType.CUDA, Dist.LocalRank) : CPU;
int batchPerRank = int.Parse(Environment.GetEnvironmentVariable("BATCH_PER_RANK") ?? "64");

manual_seed(1000);
var features = randn(50_000, 12);
var target = features.matmul(randn(12, 1)).squeeze(1) + 0.1 * randn(50_000);
using var all = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = features[..45_000], ["y"] = target[..45_000] });
using var held = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = features[45_000..], ["y"] = target[45_000..] });

var trainSampler = new DistributedSampler(all.Count, numReplicas: world, rank: rank, seed: 7);
using var train = new EpochDataLoader(all, batchPerRank, sampler: trainSampler, dropLast: true, device: device);
using var eval = new EpochDataLoader(held, 1024, sampler: new DistributedSampler(held.Count, world, rank, shuffle: false), device: device);

var model = nn.Sequential(nn.Linear(12, 32), nn.ReLU(), nn.Linear(32, 1)).to(device);
foreach (var p in model.parameters()) Dist.Broadcast(p);
var optimizer = optim.Adam(model.parameters(), 1e-3 * world);
var plateau = optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience: 2);

for (int epoch = 0; epoch < 20; epoch++)
{
    if (train.Sampler is IEpochAware aware) aware.SetEpoch(epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(model.call(batch["x"]).squeeze(1), batch["y"]);
        loss.backward();
        foreach (var p in model.parameters())
            if (p.grad is { } g) { Dist.AllReduce(g); g.div_(world); }
        optimizer.step();
    }

    model.eval();
    var sse = zeros(2, dtype: ScalarType.Float64);
    using (no_grad())
        foreach (var batch in eval)
        {
            var err = (model.call(batch["x"]).squeeze(1) - batch["y"]).pow(2).sum().to(ScalarType.Float64).cpu();
            sse[0] += err;
            sse[1] += batch["y"].shape[0];
        }
    Dist.AllReduce(sse);
    double rmse = Math.Sqrt(sse[0].item<double>() / sse[1].item<double>());
    plateau.step(rmse);
    if (isMain) Console.WriteLine($"epoch {epoch}: eval rmse {rmse:F4} on {world} ranks");
    if (isMain && epoch % 5 == 4) model.save($"reg-{epoch}.bin");
}
Dist.Barrier();

namespace HeldOut2.Blind.MpiSamplerPatternNoBatchSampler
{
    static class Launch { public const string Command = "mpirun -np 4 dotnet run"; }
}
