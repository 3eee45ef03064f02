// Scenario: a Lightning-style IDataModule exposes its train loader as a property (built from a distributed BatchSampler by the implementation), and the loop runner reshuffles it through a local alias of loader.Sampler (wrong: the sampler of a batch-sampler loader is sequential, so the epoch never reaches the batches).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.DataModuleInterfaceSamplerAlias;

public interface IDataModule
{
    EpochDataLoader TrainLoader { get; }
    EpochDataLoader ValLoader { get; }
    void Setup(string stage);
}

public sealed class ShardedImageModule(InMemoryDataset train, InMemoryDataset val, int seed) : IDataModule
{
    public EpochDataLoader TrainLoader { get; private set; } = null!;
    public EpochDataLoader ValLoader { get; private set; } = null!;

    public void Setup(string stage)
    {
        var shard = new DistributedSampler(train.Count, Dist.WorldSize, Dist.Rank, seed: seed);
        TrainLoader = new EpochDataLoader(train, batchSampler: new BatchSampler(shard, 64, dropLast: true));
        ValLoader = new EpochDataLoader(val, batchSize: 256,
            sampler: new DistributedSampler(val.Count, Dist.WorldSize, Dist.Rank, shuffle: false));
    }
}

public sealed class LoopRunner(nn.Module<Tensor, Tensor> model, double lr)
{
    private readonly optim.Optimizer _optimizer = optim.Adam(model.parameters(), lr: lr);

    public void Fit(IDataModule dm, int epochs)
    {
        dm.Setup("fit");
        var loader = dm.TrainLoader;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var sampler = loader.Sampler as IEpochAware;
            sampler?.SetEpoch(epoch); //! CMP001

            model.train();
            foreach (var batch in loader)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} done");
        }
    }
}
