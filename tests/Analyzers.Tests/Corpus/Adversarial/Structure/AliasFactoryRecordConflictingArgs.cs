// Scenario: a static factory builds a record of loaders through `using` aliases: the train loader passes batchSize and the shard sampler next to the BatchSampler made from them, and a calibration TorchSharp loader is shuffled with the run's fixed seed (wrong: two loader-argument conflicts and a repeating TorchSharp order); the consumer sets the train loader's epoch correctly.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using Loader = Composer.Data.EpochDataLoader;
using TorchLoader = TorchSharp.Modules.DataLoader;

namespace HeldOut.Structure.AliasFactoryRecordConflictingArgs;

public sealed record LoaderSet(Loader Train, Loader Valid, TorchLoader Calibration, DistributedSampler Shard);

public static class LoaderSets
{
    private const int BatchSize = 64;

    public static LoaderSet Build(InMemoryDataset train, InMemoryDataset valid, InMemoryDataset calib, int rank, int world, int seed)
    {
        var shard = new DistributedSampler(train.Count, numReplicas: world, rank: rank, seed: seed);
        var batches = new BatchSampler(shard, BatchSize, dropLast: true);
        var trainLoader = new Loader(train, BatchSize, sampler: shard, batchSampler: batches); //! CMP006 CMP006
        var validLoader = new Loader(valid, batchSize: 256, sampler: new DistributedSampler(valid.Count, world, rank, shuffle: false));
        var calibration = new TorchLoader(calib, 32, shuffle: true, seed: seed, disposeDataset: false); //! CMP003
        return new LoaderSet(trainLoader, validLoader, calibration, shard);
    }
}

public sealed class SetRunner(nn.Module<Tensor, Tensor> model)
{
    private readonly optim.Optimizer _optimizer = optim.Adam(model.parameters(), lr: 2e-4);

    public void Fit(LoaderSet set, int epochs)
    {
        var (train, valid, _, _) = set;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
            }
            using var noGrad = torch.no_grad();
            double val = 0;
            foreach (var batch in valid)
                val += nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).item<float>();
            Console.WriteLine($"epoch {epoch}: val {val:F3}");
        }
    }
}
