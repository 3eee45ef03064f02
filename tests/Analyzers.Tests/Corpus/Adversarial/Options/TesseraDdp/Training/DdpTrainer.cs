using Composer.Training;
using Tessera.Ddp.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Tessera.Ddp.Training;

public sealed class DdpTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public event Action<int>? EpochStarted;

    public void RaiseEpochStarted(int epoch) => EpochStarted?.Invoke(epoch);

    public void Fit(RankLoader loader, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is RankShardSampler shard) shard.Reshuffle(epoch); //! CMP001 the loader may draw from a BucketBatchSampler
            foreach (var batch in loader) Step(batch);
        }
    }

    public void WireReshuffle(RankLoader loader)
    {
        EpochStarted += ((RankShardSampler)loader.Sampler).Reshuffle; //! CMP001 handed on as a delegate
    }

    public void FitPacked(Composer.Data.InMemoryDataset shard, int epochs)
    {
        var packed = new PackedLoader(shard, new RankShardSampler(shard.Count, seed: 19), rows: 8);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var rows in packed)
            {
                packed.Reshuffle(epoch); //! CMP005
                using var scope = NewDisposeScope();
                model.forward(rows.unsqueeze(0));
            }
        }
    }

    private void Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
        optimizer.step();
    }
}

/// <summary>Composer callback ported from the PyTorch trainer's "set_epoch on the sampler" hook.</summary>
public sealed class ShardReshuffleCallback(RankLoader trainLoader) : Callback
{
    public override void EpochStart(State state, Logger logger)
    {
        (trainLoader.Sampler as RankShardSampler)?.Reshuffle(state.Timestamp.Epoch); //! CMP001
    }
}
