// Scenario: a trainer holds one `SplitSampling` object per split; it sets `_trainSplit.Batches` at the top of the pass and, for a mid-epoch validation every 500 steps inside the training batches, sets `_valSplit.Batches` before iterating the validation loader. Correct at run time, but the README names the limit: parts are not told apart by their object, so `_valSplit.Batches` counts as `_train`'s batch sampler and its setter inside `_train`'s iteration is CMP005 (red team 25 labelled it correct code).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.ValSplitBatchesSetDuringTrainBatches;

internal sealed class SplitSampling
{
    public DistributedSampler Shard { get; }
    public BatchSampler Batches { get; }

    public SplitSampling(long count, int batchSize, int seed)
    {
        Shard = new DistributedSampler(count, Dist.WorldSize, Dist.Rank, seed: seed);
        Batches = new BatchSampler(Shard, batchSize);
    }
}

internal sealed class MidEpochValidationTrainer
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly SplitSampling _trainSplit;
    private readonly SplitSampling _valSplit;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _val;

    public MidEpochValidationTrainer(Module<Tensor, Tensor> model, InMemoryDataset train, InMemoryDataset val)
    {
        _model = model;
        _trainSplit = new SplitSampling(train.Count, 64, seed: 1);
        _valSplit = new SplitSampling(val.Count, 256, seed: 2);
        _train = new EpochDataLoader(train, batchSampler: _trainSplit.Batches);
        _val = new EpochDataLoader(val, batchSampler: _valSplit.Batches);
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.AdamW(_model.parameters(), lr: 2e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _trainSplit.Batches.SetEpoch(epoch);
            int step = 0;
            foreach (var batch in _train)
            {
                using (NewDisposeScope())
                {
                    _model.train();
                    optimizer.zero_grad();
                    var loss = functional.cross_entropy(_model.call(batch["x"]), batch["y"]);
                    loss.backward();
                    optimizer.step();
                }

                if (++step % 500 != 0) continue;
                _valSplit.Batches.SetEpoch(epoch); //! CMP005
                _model.eval();
                using var noGrad = no_grad();
                double valLoss = 0;
                foreach (var v in _val.Take(20))
                {
                    using var scope = NewDisposeScope();
                    valLoss += functional.cross_entropy(_model.call(v["x"]), v["y"]).item<float>();
                }
                Console.WriteLine($"epoch {epoch} step {step}: val {valLoss / 20:F4}");
            }
        }
    }
}
