// Scenario: a trainer keeps the epoch in a field, sets it on its loader field at the top of a while loop and increments it at the bottom; right.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.FieldEpochCounterTrainer;

public sealed class ShardedTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly DistributedSampler _shard;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private int _epoch;

    public ShardedTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int seed)
    {
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.05);
        _shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: seed);
        _train = new EpochDataLoader(data, batchSampler: new BatchSampler(_shard, 64, dropLast: true));
    }

    public int Epoch => _epoch;

    public void Restore(string path)
    {
        _epoch = int.Parse(File.ReadAllText(path + ".epoch"));
        _model.load(path);
    }

    public void Fit(int maxEpochs)
    {
        while (_epoch < maxEpochs)
        {
            _train.SetEpoch(_epoch);

            foreach (var batch in _train)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
            }

            if (Dist.Rank == 0)
            {
                _model.save($"model-{_epoch}.bin");
                File.WriteAllText($"model-{_epoch}.bin.epoch", (_epoch + 1).ToString());
            }
            _epoch++;
        }
    }

    public void Dispose() => _train.Dispose();
}
