// Scenario: epoch set at the first batch of a hand-written loop (twice: via Select((b, i)) and a MoveNext loop on the shard sampler) - wrong, CMP005 twice; a BatchStart callback doing the same is not flagged (no iteration in view).
using Composer.Data;
using Composer.Distributed;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.LateEpoch;

public static class LateEpochLoops
{
    public static void Indexed(InMemoryDataset data, ComposerModel model, optim.Optimizer optimizer, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var (batch, step) in train.Select((b, i) => (b, i)))
            {
                if (step == 0) train.SetEpoch(epoch); //! CMP005
                optimizer.zero_grad();
                model.Loss(model.Forward(batch), batch).backward();
                optimizer.step();
            }
        }
    }

    public static void Manual(InMemoryDataset data, ComposerModel model, optim.Optimizer optimizer, int epochs)
    {
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 9);
        using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var it = loader.GetEnumerator();
            bool first = true;
            while (it.MoveNext())
            {
                if (first) { shard.SetEpoch(epoch); first = false; } //! CMP005
                optimizer.zero_grad();
                model.Loss(model.Forward(it.Current), it.Current).backward();
                optimizer.step();
            }
        }
    }
}

// The same mistake as a Trainer callback: the Trainer's loop is not in view, so no rule sees it.
public sealed class FirstBatchReshuffle : Callback
{
    private readonly EpochDataLoader _side;

    public FirstBatchReshuffle(EpochDataLoader side) => _side = side;

    public override void BatchStart(State state, Logger logger)
    {
        if (state.Timestamp.BatchInEpoch == 0) _side.SetEpoch(state.Timestamp.Epoch);
    }
}
