// Scenario: copy-paste bug: a trainer with one `SplitSampling` object per split sets `_valSplit.Batches.SetEpoch(epoch)` twice and never `_trainSplit`'s, so the training loader, built from `_trainSplit.Batches`, replays epoch 0's order. Wrong at run time, but the README names the limit: only the loader itself is told apart by its object, not its parts, so `_valSplit.Batches` counts as `_train`'s batch sampler and nothing is expected (red team 25 labelled it CMP002).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.TrainLoaderGetsValSplitSetter;

internal sealed class SplitSampling
{
    public DistributedSampler Shard { get; }
    public BatchSampler Batches { get; }

    public SplitSampling(long count, int batchSize, int seed)
    {
        Shard = new DistributedSampler(count, Dist.WorldSize, Dist.Rank, seed: seed);
        Batches = new BatchSampler(Shard, batchSize, dropLast: true);
    }
}

internal sealed class TwoSplitTrainer
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly SplitSampling _trainSplit;
    private readonly SplitSampling _valSplit;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _val;

    public TwoSplitTrainer(Module<Tensor, Tensor> model, InMemoryDataset train, InMemoryDataset val)
    {
        _model = model;
        _trainSplit = new SplitSampling(train.Count, 32, seed: 5);
        _valSplit = new SplitSampling(val.Count, 128, seed: 6);
        _train = new EpochDataLoader(train, batchSampler: _trainSplit.Batches);
        _val = new EpochDataLoader(val, batchSampler: _valSplit.Batches);
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.SGD(_model.parameters(), 0.01, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _valSplit.Batches.SetEpoch(epoch);
            _valSplit.Batches.SetEpoch(epoch);

            _model.train();
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(_model.call(batch["x"]), batch["y"]);
                loss.backward();
                foreach (var p in _model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }

            _model.eval();
            using var noGrad = no_grad();
            long correct = 0, seen = 0;
            foreach (var batch in _val)
            {
                using var scope = NewDisposeScope();
                correct += _model.call(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
                seen += batch["y"].shape[0];
            }
            Console.WriteLine($"epoch {epoch}: accuracy {(double)correct / Math.Max(1, seen):P1}");
        }
    }
}
