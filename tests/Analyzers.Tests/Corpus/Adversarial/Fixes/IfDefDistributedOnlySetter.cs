// Scenario: the only epoch setter sits in an `#if DISTRIBUTED` block, and the project builds without DISTRIBUTED: wrong in this build (the shuffling loader never learns the epoch) - CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.IfDefDistributedOnlySetter;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1500, 11), ["label"] = randint(0, 5, 1500) });
#if DISTRIBUTED
        var shard = new DistributedSampler(data.Count, seed: 42);
        using var train = new EpochDataLoader(data, batchSize: 50, sampler: shard);
#else
        using var train = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 42);
#endif
        var model = nn.Sequential(nn.Linear(11, 40), nn.ReLU(), nn.Linear(40, 5));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 15; epoch++)
        {
#if DISTRIBUTED
            // Every rank must agree on the shuffle of this epoch.
            shard.SetEpoch(epoch);
#endif
            double total = 0;
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total / train.Count:F4}");
        }
    }
}
