// Scenario: data-parallel over MPI; the loader is built with sampler: a DistributedSampler and no batch sampler, so setting train.Sampler's epoch reaches the order (CMP001 page: "builds its own BatchSampler over that very sampler"); rank 0 alone evaluates; correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
int rank = Dist.Rank, world = Dist.WorldSize;
torch.manual_seed(0); // same init on every rank, then broadcast anyway

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(20_000, 40, generator: new torch.Generator(7)),
    ["label"] = randint(0, 3, new long[] { 20_000 }, generator: new torch.Generator(8)),
});
var held = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(2_000, 40),
    ["label"] = randint(0, 3, new long[] { 2_000 }),
});

var shard = new DistributedSampler(data.Count, numReplicas: world, rank: rank, seed: 17, dropLast: true);
using var train = new EpochDataLoader(data, batchSize: 64, sampler: shard);
using var heldOut = new EpochDataLoader(held, batchSize: 1000);

var model = nn.Sequential(nn.Linear(40, 80), nn.ReLU(), nn.Linear(80, 3));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var opt = optim.SGD(model.parameters(), 0.05 * world);

for (int epoch = 0; epoch < 12; epoch++)
{
    if (train.Sampler is DistributedSampler ds)
        ds.SetEpoch(epoch);

    model.train();
    foreach (var batch in train)
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
    }

    if (rank == 0)
    {
        model.eval();
        long ok = 0;
        using (no_grad())
            foreach (var batch in heldOut)
                ok += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().ToInt64();
        Console.WriteLine($"epoch {epoch}: held-out acc {(double)ok / held.Count:P1} ({world} ranks)");
    }
    Dist.Barrier();
}
