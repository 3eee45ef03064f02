// Scenario: a trainer receives its DistributedSampler and a logger through an ordinary DI constructor, builds a BatchSampler loader over the injected sampler, and sets the epoch on that sampler field at the top of each epoch (right: the BatchSampler draws from it).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.DiConstructorShardSamplerSet;

public interface ITrainingLogger
{
    void Epoch(int epoch, double loss);
}

public sealed class ConsoleTrainingLogger : ITrainingLogger
{
    public void Epoch(int epoch, double loss) => Console.WriteLine($"[rank {Dist.Rank}] epoch {epoch}: {loss:F4}");
}

public sealed class ShardedTrainer : IDisposable
{
    private readonly DistributedSampler _shard;
    private readonly EpochDataLoader _loader;
    private readonly ITrainingLogger _logger;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ShardedTrainer(InMemoryDataset data, DistributedSampler shard, nn.Module<Tensor, Tensor> model, ITrainingLogger logger)
    {
        _shard = shard;
        _logger = logger;
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        _loader = new EpochDataLoader(data, batchSampler: new BatchSampler(_shard, 64, dropLast: true), workers: 2);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _shard.SetEpoch(epoch);
            double total = 0;
            foreach (var batch in _loader)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
            }
            _logger.Epoch(epoch, total / Math.Max(1, _loader.Count));
        }
    }

    public void Dispose() => _loader.Dispose();
}

public static class Startup
{
    public static ShardedTrainer Create(InMemoryDataset data, nn.Module<Tensor, Tensor> model) =>
        new ShardedTrainer(data, new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 42), model, new ConsoleTrainingLogger());
}
