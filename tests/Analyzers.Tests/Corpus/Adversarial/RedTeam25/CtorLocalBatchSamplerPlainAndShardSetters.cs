// Scenario: a trainer shared by plain and sharded runs builds its loader field in the constructor from a local batch sampler over the `_shard` field; each pass it sets the loader's sampler (right for plain loaders) and also `_shard`, the sampler inside that batch sampler. Correct: CMP001's page says a pass that also runs "a setter on the batch sampler variable the loader was built from, or on the sampler variable inside it" is not flagged, and the README follows parts "through the values in view of a local, field or property". Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.CtorLocalBatchSamplerPlainAndShardSetters;

public sealed class RegressionRun
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly DistributedSampler _shard;
    private readonly EpochDataLoader _train;

    public RegressionRun(Module<Tensor, Tensor> model, InMemoryDataset data, bool dropRagged)
    {
        _model = model;
        _shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 17);
        BatchSampler batches = dropRagged
            ? new BatchSampler(_shard, 128, dropLast: true)
            : new BatchSampler(_shard, 128);
        _train = new EpochDataLoader(data, batchSampler: batches);
    }

    public IReadOnlyList<double> Fit(int epochs, double lr)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: lr);
        var history = new List<double>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // Generic reshuffle for loaders without a batch sampler of their own...
            (_train.Sampler as IEpochAware)?.SetEpoch(epoch);
            // ...and the shard our batch sampler draws from.
            _shard.SetEpoch(epoch);

            _model.train();
            double sum = 0;
            long count = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.mse_loss(_model.call(batch["features"]), batch["target"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                count++;
            }
            history.Add(count == 0 ? double.NaN : sum / count);
        }
        return history;
    }
}
