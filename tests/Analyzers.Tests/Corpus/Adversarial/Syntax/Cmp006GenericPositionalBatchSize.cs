// Scenario: a generic `EpochDataLoader<Sample, Tensor>` ported positionally from PyTorch (`(ds, Collate, 16, false, null, pk)`): batch size 16 next to a batch sampler (bug: CMP006); the target-typed evaluation loader with `batchSize: 1` is fine.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp006GenericPositionalBatchSize;

public sealed record Sample(Tensor Image, long Label);

public sealed class Samples(IReadOnlyList<Sample> items) : torch.utils.data.Dataset<Sample>
{
    public override long Count => items.Count;
    public override Sample GetTensor(long index) => items[(int)index];
}

public static class Program
{
    static Tensor Collate(IReadOnlyList<Sample> batch, Device device) => stack(batch.Select(s => s.Image).ToArray()).to(device);

    public static void Main()
    {
        var items = Enumerable.Range(0, 256).Select(i => new Sample(randn(3, 16, 16), i % 8)).ToList();
        var ds = new Samples(items);
        var pk = new ClassBalancedBatchSampler(items.Select(s => s.Label).ToArray(), 4, 4, seed: 3);

        using var train = new EpochDataLoader<Sample, Tensor>(ds, Collate, 16, false, null, pk); //! CMP006
        EpochDataLoader<Sample, Tensor> eval = new(ds, Collate, batchSampler: new BatchSampler(new SequentialSampler(ds.Count), 64), batchSize: 1);

        for (int epoch = 0; epoch < 2; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var x in train) Console.WriteLine(x.shape[0]);
        }
        foreach (var x in eval) Console.WriteLine(x.shape[0]);
    }
}
