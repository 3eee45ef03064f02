// Scenario: a LINQ-query-syntax trainer sets the epoch on the DistributedSampler its train loader was built from, evaluates with a non-shuffling DistributedSampler loader and tests with TorchSharp's DataLoader(shuffle: false, seed: …) (right: nothing flagged).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut3.Styles.QuerySyntaxShardedTrainAndEval;

public sealed record Splits(InMemoryDataset Train, InMemoryDataset Val, InMemoryDataset Test);

public sealed record QueryConfig(int Epochs, int BatchSize, int Seed);

public readonly record struct Score(long Correct, long Total)
{
    public static Score operator +(Score a, Score b) => new(a.Correct + b.Correct, a.Total + b.Total);
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}

public static class QueryTrainer
{
    public static double Run(QueryConfig cfg, Splits splits)
    {
        var (world, rank) = (Dist.WorldSize, Dist.Rank);
        var shard = new DistributedSampler(splits.Train.Count, world, rank, seed: cfg.Seed);
        var trainLoader = new EpochDataLoader(splits.Train, batchSize: cfg.BatchSize, sampler: shard, dropLast: true);
        var valLoader = new EpochDataLoader(splits.Val, batchSize: 256, sampler: new DistributedSampler(splits.Val.Count, world, rank, shuffle: false));
        var testLoader = new DataLoader(splits.Test, 256, shuffle: false, seed: cfg.Seed);

        var model = nn.Sequential(nn.Linear(30, 60), nn.ReLU(), nn.Linear(60, 2));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            shard.SetEpoch(epoch);

            var losses = (from batch in trainLoader
                          let x = batch["x"]
                          let y = batch["y"]
                          select Step(model, optimizer, x, y)).ToList();

            var val = (from batch in valLoader
                       select Evaluate(model, batch)).Aggregate(new Score(0, 0), (a, b) => a + b);

            if (rank == 0)
                Console.WriteLine($"epoch {epoch}: loss {losses.DefaultIfEmpty(0).Average():F4}, val {val.Accuracy:P2}");
        }

        var test = testLoader.Select(b => Evaluate(model, b)).Aggregate(new Score(0, 0), (a, b) => a + b);
        return test.Accuracy;
    }

    private static double Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
    {
        model.train();
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(x), y);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    private static Score Evaluate(nn.Module<Tensor, Tensor> model, Dictionary<string, Tensor> batch)
    {
        model.eval();
        using var _ = no_grad();
        return new Score(model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>(), batch["y"].shape[0]);
    }

    public static void Main()
    {
        Dist.Initialize();
        static InMemoryDataset Split(long n) => new(new Dictionary<string, Tensor> { ["x"] = randn(n, 30), ["y"] = randint(0, 2, new long[] { n }) });
        var accuracy = Run(new QueryConfig(Epochs: 10, BatchSize: 32, Seed: 11), new Splits(Split(8000), Split(1000), Split(1000)));
        Console.WriteLine($"rank {Dist.Rank}: test accuracy {accuracy:P2}");
    }
}
