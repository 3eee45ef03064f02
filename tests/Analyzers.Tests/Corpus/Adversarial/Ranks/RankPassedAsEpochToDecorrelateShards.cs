// Scenario: user passes the process rank to the shard sampler's SetEpoch, thinking it decorrelates ranks; it is the same value on every epoch — wrong (CMP004)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

var options = TrainOptions.FromArgs(args);
int rank = options.Rank;
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(20_000, 3, 32, 32),
    ["label"] = randint(0, 10, new long[] { 20_000 }),
});

var sampler = new DistributedSampler(data.Count, numReplicas: options.WorldSize, rank: rank, seed: options.Seed);
using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(sampler, options.BatchSize));

var cnn = nn.Sequential(
    ("c1", nn.Conv2d(3, 32, 3, padding: 1)), ("r1", nn.ReLU()), ("p1", nn.MaxPool2d(2)),
    ("c2", nn.Conv2d(32, 64, 3, padding: 1)), ("r2", nn.ReLU()), ("p2", nn.AdaptiveAvgPool2d(1)),
    ("flat", nn.Flatten()), ("fc", nn.Linear(64, 10)));
using var reducer = new GradientAllReducer(cnn);
reducer.BroadcastParameters();
var opt = optim.SGD(cnn.parameters(), options.LearningRate, momentum: 0.9, weight_decay: 5e-4);
var ce = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < options.Epochs; epoch++)
{
    // different stream per rank so the GPUs don't see the same order
    sampler.SetEpoch(rank); //! CMP004

    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        ce.forward(cnn.forward(batch["data"]), batch["label"]).backward();
        reducer.AverageGradients();
        opt.step();
    }
    if (rank == 0) Console.WriteLine($"epoch {epoch} done");
}

record TrainOptions(int Rank, int WorldSize, int Epochs, int BatchSize, double LearningRate, int Seed)
{
    public static TrainOptions FromArgs(string[] args) => new(
        Rank: int.Parse(Environment.GetEnvironmentVariable("RANK") ?? "0"),
        WorldSize: int.Parse(Environment.GetEnvironmentVariable("WORLD_SIZE") ?? "1"),
        Epochs: args.Length > 0 ? int.Parse(args[0]) : 30,
        BatchSize: 128,
        LearningRate: 0.1,
        Seed: 1234);
}
