// Scenario: a DDP trainer's constructor keeps the shard in a field (`_shard`), builds the batch sampler over it in a constructor local (`var batches = new BatchSampler(_shard, 64, dropLast: true)`) and the loader field from that local; Fit sets `_shard.SetEpoch(epoch)` each pass. Correct: the README says a setter on "a variable used inside them (the sampler inside a batch sampler), also through the values in view of a local, field or property, two levels deep" handles the loader; `batches`' value is in view in this file. Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.CtorLocalBatchSamplerShardField;

public sealed class ShardedClassifierTrainer : IDisposable
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly DistributedSampler _shard;
    private readonly EpochDataLoader _train;
    private readonly optim.Optimizer _optimizer;

    public ShardedClassifierTrainer(Module<Tensor, Tensor> model, InMemoryDataset data, int batchSize, int seed)
    {
        _model = model;
        Dist.Initialize();
        _shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: seed);
        var batches = new BatchSampler(_shard, batchSize, dropLast: true);
        _train = new EpochDataLoader(data, batchSampler: batches);
        _optimizer = optim.SGD(_model.parameters(), 0.05, momentum: 0.9);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _shard.SetEpoch(epoch);
            _model.train();
            double total = 0;
            int steps = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = functional.cross_entropy(_model.call(batch["x"]), batch["y"]);
                loss.backward();
                foreach (var p in _model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                _optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: loss {total / Math.Max(1, steps):F4}");
        }
    }

    public void Dispose() => _train.Dispose();
}
