// Scenario: an MPI data-parallel top-level script (mpirun -n 4): each rank shards the training set with a DistributedSampler and sets its epoch at the top of every epoch; rank 0 alone runs a non-shuffled hold-out loader and writes checkpoints — correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
int rank = Dist.Rank, world = Dist.WorldSize;
int epochs = args.Length > 0 ? int.Parse(args[0]) : 10;
manual_seed(1234);

var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = randn(60_000, 784),
    ["y"] = randint(0, 10, new long[] { 60_000 }),
});
var holdoutSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = randn(10_000, 784),
    ["y"] = randint(0, 10, new long[] { 10_000 }),
});

var sampler = new DistributedSampler(trainSet.Count, numReplicas: world, rank: rank, seed: 1234);
using var train = new EpochDataLoader(trainSet, batchSize: 64, sampler: sampler, dropLast: true);
using var holdout = new EpochDataLoader(holdoutSet, batchSize: 1000);

var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.SGD(model.parameters(), 0.01 * world, momentum: 0.9);

for (int epoch = 0; epoch < epochs; epoch++)
{
    sampler.SetEpoch(epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["x"]), batch["y"]);
        optimizer.zero_grad();
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }

    if (rank == 0)
    {
        model.eval();
        long correct = 0;
        using (no_grad())
        {
            foreach (var batch in holdout)
                correct += model.call(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
        }
        Console.WriteLine($"epoch {epoch}: hold-out accuracy {correct / (double)holdoutSet.Count:P2}");
        model.save($"ddp_epoch{epoch}.pt");
    }
    Dist.Barrier();
}
