using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Distributed.Tests;

/// <summary>Data-parallel training and sharding across the ranks of the job.</summary>
internal static class DataParallelChecks
{
    public static IEnumerable<(string, Action)> All() =>
    [
        ("TrainingOnShardsEqualsSingleProcessTrainingOnTheirUnion", TrainingMatchesUnion),
        ("DistributedSamplerShardsAreDisjointCoverTheDataAndChangePerEpoch", ShardsPerEpoch),
        ("SamplersDefaultTheirReplicasFromDist", SamplersDefaultFromDist),
        ("ShuffledEpochDataLoaderIsShardedAutomatically", LoaderShardsItself),
        ("TrainerKeepsEveryRanksWeightsIdentical", TrainerKeepsRanksEqual),
        ("GradientsAreViewsOfTheBucketsAndAveragingIsExact", GradientsLiveInBuckets),
        ("ShardingDataSetsOfDifferentLengthsIsRefusedOnEveryRankNamingThem", ShardingDifferentLengthsRefused),
    ];

    private static void ShardingDifferentLengthsRefused()
    {
        using var scope = NewDisposeScope();
        // The same number of batches on every rank (one of 64), but each rank loaded a data set of another length, so the
        // DistributedSampler's shards would overlap and miss samples: refused by every rank alike, before the first step.
        long length = 96 + 2 * Dist.Rank;
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(length, 8),
            ["label"] = randint(0, 3, length, dtype: ScalarType.Int64),
        });
        using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
        using var model = new Composer.Training.ComposerClassifier(Mlp());
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Composer.Training.Trainer(new Composer.Training.TrainerOptions { Model = model, Optimizer = optimizer, TrainLoader = loader, Device = "cpu" });
        try
        {
            trainer.Fit();
            Assert.True(false, "training on shards of data sets of different lengths should be refused");
        }
        catch (ArgumentException e)
        {
            Assert.Equal("TrainLoader", e.ParamName, "the parameter named");
            string lengths = string.Join(", ", Enumerable.Range(0, Dist.WorldSize).Select(r => $"rank {r}: {96 + 2 * r}"));
            Assert.True(e.Message.Contains("its length differs") && e.Message.Contains(lengths), $"the message names every rank's length ({lengths}): {e.Message}");
        }
    }

    private static void GradientsLiveInBuckets()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3), nn.Linear(3, 3)); // the last layer gets no gradient
        var used = model.parameters().Take(4).ToList();
        var unused = model.parameters().Skip(4).ToList();
        using var reducer = new GradientAllReducer(model, bucketBytes: 256);
        Assert.True(reducer.BucketCount > 1, "the small bucket size should give several buckets");
        var optimizer = optim.Adam(model.parameters(), 0.01);

        for (int step = 0; step < 3; step++)
        {
            optimizer.zero_grad();
            // Integer gradients that differ per rank and step: every order of summation gives the exact sum, and the
            // average is that sum divided once, so the result must equal it bit for bit.
            List<Tensor> Coefficients(int rank)
            {
                var generator = new Generator((ulong)(1000 * step + rank));
                return used.Select(p => randint(-50, 50, p.shape, dtype: p.dtype, generator: generator)).ToList();
            }
            var coefficients = Coefficients(Dist.Rank);
            used.Zip(coefficients).Select(pc => (pc.First * pc.Second).sum()).Aggregate((a, b) => a + b).backward();
            reducer.AverageGradients();

            // Every rank's coefficients, made here again: the expected mean owes nothing to the collectives under test.
            var everyRank = Enumerable.Range(0, Dist.WorldSize).Select(Coefficients).ToList();
            for (int i = 0; i < used.Count; i++)
            {
                var expected = everyRank.Select(c => c[i]).Aggregate((a, b) => a + b).div(Dist.WorldSize);
                Assert.True(used[i].grad is { } g && g.shape.SequenceEqual(expected.shape) && g.eq(expected).all().item<bool>(),
                    $"step {step}: the averaged gradient is not exactly the mean of the ranks' gradients");
            }
            foreach (var parameter in unused)
                Assert.True(parameter.grad is { } g && g.eq(0).all().item<bool>(), $"step {step}: a parameter without a gradient must average to zero");

            // Writing into a bucket writes into the gradients: bucket i filled with i + 1 shows up in exactly its parameters.
            var buckets = reducer.Buckets;
            for (int i = 0; i < buckets.Count; i++) buckets[i].fill_(i + 1);
            long[] seen = new long[buckets.Count];
            foreach (var parameter in model.parameters())
            {
                var grad = parameter.grad!;
                int value = (int)grad.flatten()[0].item<float>();
                Assert.True(value >= 1 && value <= buckets.Count && grad.eq(value).all().item<bool>(), "a gradient is not a view of one bucket");
                seen[value - 1] += grad.numel();
            }
            for (int i = 0; i < buckets.Count; i++)
                Assert.Equal(buckets[i].numel(), seen[i], $"elements of bucket {i} that are some parameter's gradient");
            optimizer.step();
        }

        // The optimizer's zero_grad zeroes the views in place, and backward accumulates into them: the buckets see both.
        optimizer.zero_grad();
        Assert.True(reducer.Buckets.All(b => b.eq(0).all().item<bool>()), "zero_grad should zero the buckets");
        used.Select(p => p.sum()).Aggregate((a, b) => a + b).backward();
        double inBuckets = reducer.Buckets.Sum(b => b.sum().item<float>());
        Assert.Equal((double)used.Sum(p => p.numel()), inBuckets, "gradients of backward found in the buckets");
    }

    private static void TrainerKeepsRanksEqual()
    {
        using var scope = NewDisposeScope();
        // Rank 0's initial weights, made here on every rank from rank 0's seed: training must start from them, not merely agree.
        manual_seed(100);
        var rank0Initial = new Composer.Training.ComposerClassifier(Mlp()).parameters().Select(p => p.detach().clone()).ToList();
        manual_seed(7);
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(96, 8),
            ["label"] = randint(0, 3, 96, dtype: ScalarType.Int64),
        });
        List<Tensor>? startWeights = null;
        manual_seed(100 + Dist.Rank); // different initial weights per rank: the trainer must broadcast rank 0's
        using var model = new Composer.Training.ComposerClassifier(Mlp());
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        using var loader = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 3);
        using var trainer = new Composer.Training.Trainer(new Composer.Training.TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            MaxDuration = "2ep",
            Device = "cpu",
            Seed = 3,
            Callbacks = [new AtFitStart(state => startWeights = state.Model.parameters().Select(p => p.detach().clone()).ToList())],
        });
        trainer.Fit();
        Assert.True(startWeights is { } start && start.Count == rank0Initial.Count && start.Zip(rank0Initial).All(pair => pair.First.eq(pair.Second).all().item<bool>()),
            "training should start from rank 0's weights, broadcast to every rank");
        Assert.Equal(2L * 96 / Dist.WorldSize / 8, trainer.State.Timestamp.Batch, "batches per rank");
        foreach (var parameter in model.parameters())
        {
            var everywhere = Dist.AllGather(parameter.detach());
            for (int r = 1; r < Dist.WorldSize; r++)
                Assert.True(everywhere[r].eq(everywhere[0]).all().item<bool>(), $"rank {r}'s weights differ from rank 0's after training");
        }
    }

    private static nn.Module<Tensor, Tensor> Mlp() => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3));

    private static void TrainingMatchesUnion()
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

    private static void ShardsPerEpoch()
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

    private static void SamplersDefaultFromDist()
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

    private static void LoaderShardsItself()
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

    /// <summary>Runs an action when training starts, after the trainer has made the ranks' weights equal.</summary>
    private sealed class AtFitStart(Action<Composer.Training.State> action) : Composer.Training.Callback
    {
        public override void FitStart(Composer.Training.State state, Composer.Training.Logger logger) => action(state);
    }
}
