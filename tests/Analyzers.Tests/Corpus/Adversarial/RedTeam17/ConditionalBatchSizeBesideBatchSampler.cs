// Scenario: a P×K loader whose batchSize argument differs between Debug and Release (#if DEBUG / #else / #endif inside the argument list) next to a batch sampler: wrong in either build - CMP006. Removing the argument must leave the directives balanced.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.ConditionalBatchSizeBesideBatchSampler;

public static class Program
{
    public static void Main()
    {
        var labels = Enumerable.Range(0, 800).Select(i => (long)(i % 20)).ToList();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(800, 32), ["label"] = tensor(labels.ToArray()) });
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 3);
        using var loader = new EpochDataLoader(data, //! CMP006
#if DEBUG
            batchSize: 8,
#else
            batchSize: 64,
#endif
            batchSampler: pk);
        var embed = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 16));
        var optimizer = optim.Adam(embed.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 4; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(embed.forward(batch["data"]), dim: 1);
                var loss = z.pow(2).sum(1).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
