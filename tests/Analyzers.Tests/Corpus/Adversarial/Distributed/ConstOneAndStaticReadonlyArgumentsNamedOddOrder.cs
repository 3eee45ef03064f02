// Scenario: loaders built from a hyper-parameter class with named arguments in odd order: a const batch size of 1 and `sampler: null` beside a batch sampler, and static readonly (non-constant) batch size / shuffle values that CMP006 does not judge: no diagnostics.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Hparams;

public static class Hyper
{
    public const int PerBatch = 1;
    public const bool KeepLast = false;
    public static readonly int MicroBatch = int.Parse(Environment.GetEnvironmentVariable("MICRO_BATCH") ?? "16");
    public static readonly bool Shuffle = Environment.GetEnvironmentVariable("NO_SHUFFLE") is null;
}

public sealed class LoaderFactory(FashionMnist train, FashionMnist test)
{
    long[] Labels => train.Columns["label"].data<long>().ToArray();

    public EpochDataLoader PkLoader() =>
        new EpochDataLoader(batchSampler: new ClassBalancedBatchSampler(Labels, 10, 8, numReplicas: Dist.WorldSize, rank: Dist.Rank),
            dropLast: Hyper.KeepLast, sampler: null, batchSize: Hyper.PerBatch, dataset: train);

    public EpochDataLoader MicroBatchLoader(IBatchSampler batches) =>
        new EpochDataLoader(train, Hyper.MicroBatch, batchSampler: batches);

    public EpochDataLoader EvalLoader() =>
        new EpochDataLoader(shuffle: Hyper.Shuffle, sampler: new DistributedSampler(test.Count, shuffle: false), dataset: test, batchSize: 500);

    public void Train(int epochs)
    {
        using var loader = PkLoader();
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 10)));
        var opt = optim.SGD(model.parameters(), 0.02);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                opt.step();
            }
        }
    }
}
