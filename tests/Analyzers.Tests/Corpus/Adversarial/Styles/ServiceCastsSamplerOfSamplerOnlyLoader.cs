// Scenario: a data-parallel hosted service builds its train loader in the constructor with batchSize and a DistributedSampler (no batch sampler) and reshuffles with ((DistributedSampler)_train.Sampler).SetEpoch(epoch); the loader makes its own BatchSampler over that sampler, so this reaches the order (right: nothing flagged).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.ServiceCastsSamplerOfSamplerOnlyLoader;

public interface ITrainingLogger
{
    void Epoch(int epoch, double loss, double accuracy);
    void Message(string text);
}

public sealed class RankZeroLogger : ITrainingLogger
{
    public void Epoch(int epoch, double loss, double accuracy)
    {
        if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch,3} | loss {loss,8:F4} | acc {accuracy,7:P2}");
    }

    public void Message(string text)
    {
        if (Dist.Rank == 0) Console.WriteLine(text);
    }
}

public sealed record DataParallelOptions(int Epochs, int PerRankBatchSize, int Seed, double LearningRate);

public interface IDataSplits
{
    InMemoryDataset Train { get; }
    InMemoryDataset Test { get; }
}

public sealed class DataParallelService
{
    private readonly ITrainingLogger _logger;
    private readonly DataParallelOptions _options;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _test;
    private readonly nn.Module<Tensor, Tensor> _model;

    public DataParallelService(IDataSplits splits, ITrainingLogger logger, DataParallelOptions options)
    {
        _logger = logger;
        _options = options;
        var train = splits.Train;
        var test = splits.Test;
        _train = new EpochDataLoader(train, batchSize: options.PerRankBatchSize,
            sampler: new DistributedSampler(train.Count, Dist.WorldSize, Dist.Rank, seed: options.Seed), dropLast: true);
        _test = new EpochDataLoader(test, batchSize: 1000,
            sampler: new DistributedSampler(test.Count, Dist.WorldSize, Dist.Rank, shuffle: false));
        _model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
    }

    public void Run()
    {
        var optimizer = optim.SGD(_model.parameters(), _options.LearningRate, momentum: 0.9);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 10, gamma: 0.5);
        _logger.Message($"{Dist.WorldSize} ranks, {_train.Count} batches per rank");

        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            ((DistributedSampler)_train.Sampler).SetEpoch(epoch);

            _model.train();
            double total = 0;
            foreach (var batch in _train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                foreach (var p in _model.parameters())
                    if (p.grad is { } g) { Dist.AllReduce(g); g.div_(Dist.WorldSize); }
                optimizer.step();
                total += loss.item<float>();
            }
            scheduler.step();

            _model.eval();
            long correct = 0, seen = 0;
            using (no_grad())
            {
                foreach (var batch in _test)
                {
                    correct += _model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
            }
            using var counts = tensor(new long[] { correct, seen });
            Dist.AllReduce(counts);
            _logger.Epoch(epoch, total / _train.Count, (double)counts[0].item<long>() / Math.Max(1, counts[1].item<long>()));
        }
    }
}

public static class Program
{
    public static void Main()
    {
        Dist.Initialize();
        var splits = new FashionSplits();
        new DataParallelService(splits, new RankZeroLogger(), new DataParallelOptions(Epochs: 30, PerRankBatchSize: 64, Seed: 0, LearningRate: 0.05)).Run();
        Dist.Barrier();
    }

    private sealed class FashionSplits : IDataSplits
    {
        public InMemoryDataset Train { get; } = new FashionMnist(train: true);
        public InMemoryDataset Test { get; } = new FashionMnist(train: false);
    }
}
