// Scenario: a loader first written positionally as `new EpochDataLoader(data, 64, true)` later gets `batchSampler: pk` for P×K batches, keeping `64, true`: wrong (the runtime throws) - CMP006 twice (batchSize and shuffle); Fix All should leave code that compiles.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.PositionalLoaderGainsBatchSampler;

public static class MetricLearning
{
    public static EpochDataLoader MakeLoader(InMemoryDataset data, IReadOnlyList<long> labels)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 9);
        return new EpochDataLoader(data, 64, true, batchSampler: pk); //! CMP006 CMP006
    }

    public static void Main()
    {
        var labels = Enumerable.Range(0, 3200).Select(i => (long)(i % 40)).ToList();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(3200, 48), ["label"] = tensor(labels.ToArray()) });
        using var loader = MakeLoader(data, labels);
        var embed = nn.Sequential(nn.Linear(48, 128), nn.ReLU(), nn.Linear(128, 32));
        var optimizer = optim.Adam(embed.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < 5; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(embed.forward(batch["data"]), dim: 1);
                var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1)).to_type(ScalarType.Float32);
                var loss = nn.functional.mse_loss(z.matmul(z.t()), same);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
