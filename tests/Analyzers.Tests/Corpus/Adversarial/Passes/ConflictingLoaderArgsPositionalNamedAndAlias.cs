// Scenario: a metric-learning setup builds loaders with conflicting arguments — a const batch size and shuffle next to a P×K batch sampler (positional), shuffle next to a sampler through a using alias, and sampler plus dropLast next to a batch sampler in a target-typed new; the epoch loop itself is right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using Loader = Composer.Data.EpochDataLoader;

namespace Blind10.ConflictingLoaderArgsPositionalNamedAndAlias;

public static class Program
{
    const int BatchSize = 64;

    public static void Main()
    {
        var labelTensor = randint(0, 40, new long[] { 8_000 });
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(8_000, 48), ["label"] = labelTensor });
        long[] labels = labelTensor.data<long>().ToArray();

        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 9);
        var shard = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 9);
        bool isTrain = true;

        // P×K batches for the embedding loss
        var metric = new EpochDataLoader(data, BatchSize, true, null, pk); //! CMP006 CMP006
        var classify = new Loader(data, 128, shuffle: true, sampler: shard); //! CMP006
        EpochDataLoader probe = new(data, batchSize: 1, sampler: shard, batchSampler: pk, dropLast: true); //! CMP006 CMP006
        var holdout = new EpochDataLoader(data, batchSize: 1, sampler: null, batchSampler: pk);
        var scan = new EpochDataLoader(data, batchSize: 256, shuffle: isTrain, dropLast: isTrain);

        var embed = nn.Sequential(("e1", nn.Linear(48, 96)), ("act", nn.ReLU()), ("e2", nn.Linear(96, 32)));
        var head = nn.Linear(32, 40);
        var optimizer = optim.Adam(embed.parameters().Concat(head.parameters()), lr: 5e-4);

        for (int epoch = 0; epoch < 25; epoch++)
        {
            metric.SetEpoch(epoch);
            classify.SetEpoch(epoch);
            foreach (var batch in metric)
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(embed.forward(batch["data"]), 2.0, 1);
                var same = batch["label"].unsqueeze(1).eq(batch["label"].unsqueeze(0)).to_type(ScalarType.Float32);
                var loss = nn.functional.binary_cross_entropy_with_logits(z.matmul(z.t()) * 10, same);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            foreach (var batch in classify)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(head.forward(embed.forward(batch["data"])), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
        Console.WriteLine($"{probe.Count} {holdout.Count} {scan.Count} batches");
    }
}
