// Scenario: a callback that builds its own auxiliary loader with sampler: DistributedSampler (no batch sampler) and sets only loader.Sampler's epoch - correct, no finding (the loader's own BatchSampler wraps that sampler).
using Composer.Data;
using Composer.Distributed;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.ReplayBuffer;

public sealed class ReplayRehearsal : Callback
{
    private readonly EpochDataLoader _replay;
    private readonly ComposerModel _model;

    public ReplayRehearsal(InMemoryDataset replay, ComposerModel model)
    {
        _model = model;
        _replay = new EpochDataLoader(replay, batchSize: 16,
            sampler: new DistributedSampler(replay.Count, Dist.WorldSize, Dist.Rank, seed: 21));
    }

    public override void EpochStart(State state, Logger logger)
    {
        ((DistributedSampler)_replay.Sampler).SetEpoch(state.Timestamp.Epoch);
    }

    public override void AfterTrainBatch(State state, Logger logger)
    {
        if (state.Timestamp.BatchInEpoch % 50 != 0) return;
        var rehearsal = _replay.First();
        var loss = _model.Loss(_model.Forward(rehearsal), rehearsal);
        loss.backward();
        logger.LogMetrics(new Dictionary<string, double> { ["replay/loss"] = loss.item<float>() });
    }
}
