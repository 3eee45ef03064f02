using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Distributed.Tests;

/// <summary>Data-parallel training and sharding across the ranks of the job.</summary>
static class DataParallelChecks
{
    public static IEnumerable<(string, Action)> All() =>
    [
        ("TrainingOnShardsEqualsSingleProcessTrainingOnTheirUnion", TrainingMatchesUnion),
        ("DistributedSamplerShardsAreDisjointCoverTheDataAndChangePerEpoch", ShardsPerEpoch),
        ("SamplersDefaultTheirReplicasFromDist", SamplersDefaultFromDist),
        ("ShuffledEpochDataLoaderIsShardedAutomatically", LoaderShardsItself),
        ("TrainerKeepsEveryRanksWeightsIdentical", TrainerKeepsRanksEqual),
    ];

    static void TrainerKeepsRanksEqual()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(96, 8),
            ["label"] = randint(0, 3, 96, dtype: ScalarType.Int64),
        });
        manual_seed(100 + Dist.Rank); // different initial weights per rank: the trainer must broadcast rank 0's
        using var model = new Composer.Training.ComposerClassifier(Mlp());
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        using var loader = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 3);
        using var trainer = new Composer.Training.Trainer(new Composer.Training.TrainerOptions
        {
            Model = model, Optimizer = optimizer, TrainLoader = loader, MaxDuration = "2ep", Device = "cpu", Seed = 3,
        });
        trainer.Fit();
        Assert.Equal(2L * 96 / Dist.WorldSize / 8, trainer.State.Timestamp.Batch, "batches per rank");
        foreach (var parameter in model.parameters())
        {
            var everywhere = Dist.AllGather(parameter.detach());
            for (int r = 1; r < Dist.WorldSize; r++)
                Assert.True(everywhere[r].eq(everywhere[0]).all().item<bool>(), $"rank {r}'s weights differ from rank 0's after training");
        }
    }

    static nn.Module<Tensor, Tensor> Mlp() => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3));

    static void TrainingMatchesUnion()
    {
        using var scope = NewDisposeScope();
        // The same data everywhere (8 batches of 4 per rank); a different initialization on each rank, which the broadcast must undo.
        long samples = 32L * Dist.WorldSize;
        manual_seed(123);
        var x = randn(samples, 8);
        var y = randint(0, 3, samples, dtype: ScalarType.Int64);
        manual_seed(1000 + Dist.Rank);
        var model = Mlp();
        using var reducer = new GradientAllReducer(model, bucketBytes: 256); // several buckets
        reducer.BroadcastParameters();
        Assert.True(reducer.BucketCount > 1, "the small bucket size should give several buckets");

        var reference = Mlp();
        using (no_grad())
            foreach (var (mine, theirs) in model.parameters().Zip(reference.parameters())) theirs.copy_(mine);

        var optimizer = optim.SGD(model.parameters(), 0.1);
        var referenceOptimizer = optim.SGD(reference.parameters(), 0.1);
        var sampler = new DistributedSampler(samples, seed: 5);
        var batches = new BatchSampler(sampler, 4).ToList();
        for (int step = 0; step < 6; step++)
        {
            using var stepScope = NewDisposeScope();
            var index = tensor(batches[step]);
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(x.index_select(0, index)), y.index_select(0, index)).backward();
            reducer.AverageGradients();
            optimizer.step();

            // The same step in one process, on the union of every rank's batch (equal sizes: mean of means = mean).
            var union = Dist.AllGather(index).reshape(-1);
            referenceOptimizer.zero_grad();
            nn.functional.cross_entropy(reference.call(x.index_select(0, union)), y.index_select(0, union)).backward();
            referenceOptimizer.step();
        }

        foreach (var (mine, theirs) in model.parameters().Zip(reference.parameters()))
        {
            Assert.True(mine.allclose(theirs, rtol: 1e-4, atol: 1e-6), "data-parallel parameters differ from single-process training on the union");
            var everywhere = Dist.AllGather(mine.detach());
            for (int r = 1; r < Dist.WorldSize; r++)
                Assert.True(everywhere[r].eq(everywhere[0]).all().item<bool>(), $"rank {r}'s parameters differ from rank 0's");
        }
    }

    static void ShardsPerEpoch()
    {
        using var scope = NewDisposeScope();
        const long length = 100;
        var sampler = new DistributedSampler(length, seed: 3);
        var epoch0 = sampler.ToArray();
        var all = Dist.AllGather(tensor(epoch0)).reshape(-1).data<long>().ToArray();
        // Every index once, plus (as in PyTorch) the padding that evens the shards out: 100 = 34 + 33 + 33 on 3 ranks, one index twice.
        long padded = (length + Dist.WorldSize - 1) / Dist.WorldSize * Dist.WorldSize;
        Assert.Equal(padded, all.LongLength, "indices over all ranks");
        Assert.SequenceEqual(Enumerable.Range(0, (int)length).Select(i => (long)i), all.Distinct().Order(), "the union of the shards");
        sampler.SetEpoch(1);
        var epoch1 = sampler.ToArray();
        Assert.True(!epoch0.SequenceEqual(epoch1), "the shard's order must change with the epoch");
    }

    static void SamplersDefaultFromDist()
    {
        var distributed = new DistributedSampler(10);
        Assert.Equal(Dist.WorldSize, distributed.NumReplicas, "DistributedSampler.NumReplicas");
        Assert.Equal(Dist.Rank, distributed.Rank, "DistributedSampler.Rank");
        long[] labels = Enumerable.Range(0, 400).Select(i => (long)(i % 8)).ToArray();
        var balanced = new ClassBalancedBatchSampler(labels, 4, 5, seed: 2);
        Assert.Equal(Dist.WorldSize, balanced.NumReplicas, "ClassBalancedBatchSampler.NumReplicas");
        using var first = tensor(balanced.First());
        var gathered = Dist.AllGather(first);
        for (int r = 1; r < Dist.WorldSize; r++)
            Assert.True(!gathered[r].eq(gathered[0]).all().item<bool>(), "every rank should get its own batches");
    }

    static void LoaderShardsItself()
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = arange(40, dtype: ScalarType.Int64) });
        using var loader = new EpochDataLoader(data, batchSize: 5, shuffle: true, seed: 9);
        Assert.True(Dist.WorldSize == 1 ? loader.Sampler is RandomSampler : loader.Sampler is DistributedSampler, "the shuffling sampler");
        long perRank = (40 + Dist.WorldSize - 1) / Dist.WorldSize; // padded to equal shards, as PyTorch does
        Assert.Equal((perRank + 4) / 5, loader.Count, "batches per rank");
        var mine = loader.SelectMany(b => b["data"].data<long>().ToArray()).ToArray();
        var all = Dist.AllGather(tensor(mine)).reshape(-1).data<long>().ToArray();
        Assert.Equal(perRank * Dist.WorldSize, all.LongLength, "samples over all ranks");
        Assert.SequenceEqual(Enumerable.Range(0, 40).Select(i => (long)i), all.Distinct().Order(), "the ranks' batches together");
    }
}
