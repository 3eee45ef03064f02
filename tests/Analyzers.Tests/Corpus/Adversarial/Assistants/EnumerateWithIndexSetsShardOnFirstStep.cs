// Scenario: a C# port of PyTorch's `for i, batch in enumerate(loader)` uses `loader.Select((b, i) => (b, i))` and, on step 0, calls `shard.SetEpoch(epoch)` on the DistributedSampler the loader was built from — inside the iteration, one epoch late (wrong, CMP005).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace KeywordSpotting;

public static class DistributedRun
{
    public static void Train(Tensor spectrograms, Tensor labels, int epochs, double lr = 1e-3)
    {
        // samples for this rank only (num_replicas / rank come from mpirun)
        using var dataset = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = spectrograms, ["label"] = labels });
        var shard = new DistributedSampler(dataset.Count, seed: 17);
        using var loader = new EpochDataLoader(dataset, batchSize: 48, sampler: shard, dropLast: true);

        var model = nn.Sequential(
            nn.Conv1d(40, 64, 3, padding: 1), nn.BatchNorm1d(64), nn.ReLU(),
            nn.Conv1d(64, 64, 3, padding: 1), nn.BatchNorm1d(64), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(),
            nn.Linear(64, 12));
        using var gradients = new GradientAllReducer(model);
        gradients.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), lr);
        var isMain = Dist.Rank == 0;

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            var losses = new List<float>();

            // for i, batch in enumerate(loader):
            foreach (var (batch, i) in loader.Select((b, i) => (b, i)))
            {
                if (i == 0)
                    shard.SetEpoch(epoch); //! CMP005

                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                gradients.AverageGradients();
                optimizer.step();
                losses.Add(loss.item<float>());

                if (isMain && i % 20 == 0)
                    Console.WriteLine($"epoch {epoch} step {i}: loss {losses[^1]:F4}");
            }

            if (isMain)
                Console.WriteLine($"epoch {epoch} done, mean loss {losses.Average():F4}");
        }
    }
}
