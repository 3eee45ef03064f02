// Scenario: loaders the runtime rejects, written with local consts and named arguments in odd order, a target-typed `new(...)` field with shuffle + sampler, and a positional EpochDataLoader<T,TBatch> with batchSize 32 and shuffle beside a batch sampler (CMP006 five times; `sampler: null` is fine).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Broken.Config;

public sealed record Sample(Tensor Image, long Label);
public sealed record Batch(Tensor Images, Tensor Labels);

public sealed class SampleSet(InMemoryDataset inner) : torch.utils.data.Dataset<Sample>
{
    public override long Count => inner.Count;
    public override Sample GetTensor(long index) => new(inner.Columns["data"][index], inner.Columns["label"][index].item<long>());
}

public sealed class LoaderSetup
{
    const int BatchSize = 64;
    const bool DropLast = true;

    readonly EpochDataLoader _eval;
    readonly EpochDataLoader _pk;
    readonly EpochDataLoader<Sample, Batch> _typed;

    static Batch Collate(IReadOnlyList<Sample> samples, Device device) =>
        new(stack(samples.Select(s => s.Image).ToArray()).to(device), tensor(samples.Select(s => s.Label).ToArray()).to(device));

    public LoaderSetup(FashionMnist train, FashionMnist test)
    {
        var labels = train.Columns["label"].data<long>().ToArray();
        var pk = new ClassBalancedBatchSampler(labels, 10, 6, numReplicas: Dist.WorldSize, rank: Dist.Rank);
        _pk = new EpochDataLoader(batchSampler: pk, dropLast: DropLast, dataset: train, batchSize: BatchSize); //! CMP006 CMP006
        _eval = new(test, 256, true, sampler: new SequentialSampler(test.Count)); //! CMP006
        _typed = new EpochDataLoader<Sample, Batch>(new SampleSet(train), Collate, 32, true, null, new ClassBalancedBatchSampler(labels, 5, 4)); //! CMP006 CMP006
    }

    public void Train(int epochs)
    {
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 10)));
        var opt = optim.Adam(model.parameters());
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(_pk, epoch);
            _typed.SetEpoch(epoch);
            foreach (var batch in _pk)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                opt.step();
            }
            foreach (var batch in _typed)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(model.forward(batch.Images), batch.Labels).backward();
                opt.step();
            }
        }
    }
}
