// Scenario: a metric-learning data module builds its loaders with argument combinations that EpochDataLoader rejects (batch size or sampler next to a batch sampler, shuffle next to a sampler); wrong, except the static readonly batch size and the null batch sampler.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.DataModuleConflictingArguments;

public sealed class RetrievalDataModule
{
    private const int BatchSize = 64;
    private static readonly int EvalBatch = 256;

    private readonly InMemoryDataset _train;
    private readonly InMemoryDataset _gallery;
    private readonly InMemoryDataset _query;
    private readonly long[] _labels;
    private readonly int _seed;
    private readonly Device _device;

    public RetrievalDataModule(InMemoryDataset train, InMemoryDataset gallery, InMemoryDataset query, int seed, Device? device = null)
    {
        (_train, _gallery, _query, _seed) = (train, gallery, query, seed);
        _labels = train.Columns["label"].data<long>().ToArray();
        _device = device ?? CPU;
    }

    /// <summary>P×K batches: 16 identities, 4 images each, sharded across ranks.</summary>
    public EpochDataLoader PkLoader()
    {
        var pk = new ClassBalancedBatchSampler(_labels, classesPerBatch: 16, samplesPerClass: 4, seed: _seed,
            numReplicas: Dist.WorldSize, rank: Dist.Rank);
        return new EpochDataLoader(_train, BatchSize, batchSampler: pk, device: _device); //! CMP006
    }

    /// <summary>Plain sharded loader for the classification warm-up.</summary>
    public EpochDataLoader ShardLoader()
    {
        var ddp = new DistributedSampler(_train.Count, Dist.WorldSize, Dist.Rank, seed: _seed);
        return new EpochDataLoader(_train, BatchSize, true, ddp, dropLast: true, device: _device); //! CMP006
    }

    /// <summary>Hard negatives mined by the previous epoch's model.</summary>
    public EpochDataLoader HardNegativeLoader(ISampler mined, IBatchSampler minedBatches) =>
        new EpochDataLoader(_train, sampler: mined, batchSampler: minedBatches, dropLast: true, device: _device); //! CMP006 CMP006

    public EpochDataLoader GalleryLoader(IBatchSampler byCamera) =>
        new EpochDataLoader(_gallery, batchSize: EvalBatch, batchSampler: byCamera, device: _device);

    public EpochDataLoader QueryLoader() =>
        new EpochDataLoader(_query, batchSize: 1, shuffle: false, batchSampler: null, device: _device);
}

public static class RetrievalTraining
{
    public static void Run(RetrievalDataModule dm, nn.Module<Tensor, Tensor> embedder, int warmupEpochs, int epochs)
    {
        var optimizer = optim.Adam(embedder.parameters(), 3e-4);
        var triplet = nn.TripletMarginLoss(margin: 0.3);

        using var warm = dm.ShardLoader();
        for (int epoch = 0; epoch < warmupEpochs; epoch++)
        {
            warm.SetEpoch(epoch);
            foreach (var batch in warm)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var emb = embedder.call(batch["data"]);
                var loss = emb.pow(2).mean();
                loss.backward();
                optimizer.step();
            }
        }

        using var pk = dm.PkLoader();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            pk.SetEpoch(warmupEpochs + epoch);
            double total = 0;
            foreach (var batch in pk)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var emb = nn.functional.normalize(embedder.call(batch["data"]), dim: 1);
                var anchor = emb[TensorIndex.Slice(0, null, 4)];
                var positive = emb[TensorIndex.Slice(1, null, 4)];
                var negative = emb[TensorIndex.Slice(1, null, 4)].roll(1, 0);
                var loss = triplet.call(anchor, positive, negative);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: triplet {total / Math.Max(1, pk.Count):F4}");
        }
    }
}
