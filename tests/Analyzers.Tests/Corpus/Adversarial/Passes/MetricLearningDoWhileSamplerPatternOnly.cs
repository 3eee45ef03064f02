// Scenario: metric learning in a do … while on recall; the P×K loader's epoch is set through `if (pk.Sampler is IEpochAware s)` (its Sampler is sequential, the batch sampler is never set) — wrong; the probe loader built with a plain sampler: argument is set the same way — right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.MetricLearningDoWhileSamplerPatternOnly;

public static class Program
{
    public static void Main()
    {
        var labelTensor = randint(0, 100, new long[] { 12_000 });
        using var train = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(12_000, 128), ["label"] = labelTensor });
        var labels = labelTensor.data<long>().ToArray();

        using var pk = new EpochDataLoader(train, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 21));
        using var probe = new EpochDataLoader(train, batchSize: 256, sampler: new DistributedSampler(train.Count, numReplicas: 1, rank: 0, seed: 22));

        var embed = nn.Sequential(("e1", nn.Linear(128, 256)), ("act", nn.ReLU()), ("e2", nn.Linear(256, 64)));
        var optimizer = optim.Adam(embed.parameters(), lr: 3e-4);
        var recalls = new List<double>();
        int round = 0;

        do
        {
            // reshuffle the P×K batches
            if (pk.Sampler is IEpochAware s) s.SetEpoch(round); //! CMP001
            (probe.Sampler as IEpochAware)?.SetEpoch(round);

            foreach (var batch in pk)
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(embed.forward(batch["data"]), 2.0, 1);
                var same = batch["label"].unsqueeze(1).eq(batch["label"].unsqueeze(0)).to_type(ScalarType.Float32);
                var loss = nn.functional.binary_cross_entropy_with_logits(z.matmul(z.t()) * 16, same);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            double hits = 0, count = 0;
            using (no_grad())
            {
                foreach (var batch in probe.Take(4))
                {
                    var z = nn.functional.normalize(embed.forward(batch["data"]), 2.0, 1);
                    var sim = z.matmul(z.t()) - eye(z.shape[0]) * 2;
                    var nearest = sim.argmax(1);
                    hits += batch["label"].index_select(0, nearest).eq(batch["label"]).sum().item<long>();
                    count += z.shape[0];
                }
            }
            recalls.Add(hits / count);
            round++;
        } while (recalls[^1] < 0.9 && round < 100);
    }
}
