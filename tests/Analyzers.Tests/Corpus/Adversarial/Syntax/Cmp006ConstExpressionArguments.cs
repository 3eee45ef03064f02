// Scenario: batch size written as a constant expression `PerDevice * Accumulation` (both const) next to a DDP batch sampler, and shuffle taken from another class's const (`Hyper.Shuffle`, true) next to a sampler (bug: CMP006 on each creation).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp006ConstExpressionArguments;

public static class Hyper
{
    public const bool Shuffle = true;
    public const int PerDevice = 16;
    public const int Accumulation = 4;
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(4096, 8), ["label"] = randint(0, 2, 4096) });
        var ddp = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 11);

        using var big = new EpochDataLoader(data, batchSize: Hyper.PerDevice * Hyper.Accumulation, batchSampler: new BatchSampler(ddp, 64)); //! CMP006
        using var train = new EpochDataLoader(data, Hyper.PerDevice, Hyper.Shuffle, ddp); //! CMP006

        for (int epoch = 0; epoch < 2; epoch++)
        {
            train.SetEpoch(epoch);
            big.SetEpoch(epoch);
            foreach (var batch in train) { }
            foreach (var batch in big) { }
        }
    }
}
