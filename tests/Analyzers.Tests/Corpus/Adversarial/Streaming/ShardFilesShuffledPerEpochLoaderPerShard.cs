// Scenario: training data is a folder of shard files read one shard at a time; each epoch shuffles the shard order with Random(BaseSeed + epoch) and builds a shuffling loader per shard with seed: BaseSeed + epoch — right: the loop over shard paths is a phase of one epoch, and every loader is rebuilt on each epoch with a seed that changes.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Shards.Trainer;

public static class ShardedEpochs
{
    const int BaseSeed = 20_240;

    public static void Train(string folder, int epochs)
    {
        var shardPaths = Directory.GetFiles(folder, "part-*.pt").Order().ToArray();
        Console.WriteLine($"{shardPaths.Length} shards in {folder}");

        var model = nn.Sequential(
            ("fc1", nn.Linear(96, 256)),
            ("relu1", nn.ReLU()),
            ("fc2", nn.Linear(256, 256)),
            ("relu2", nn.ReLU()),
            ("fc3", nn.Linear(256, 5)));
        var optimizer = optim.AdamW(model.parameters(), 1e-3, weight_decay: 0.01);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // a different shard order every epoch
            var order = (string[])shardPaths.Clone();
            new Random(BaseSeed + epoch).Shuffle(order);

            double total = 0;
            long steps = 0;
            foreach (var path in order)
            {
                // only this shard is in memory
                using var shard = LoadShard(path);
                using var loader = new EpochDataLoader(shard, batchSize: 128, shuffle: true, seed: BaseSeed + epoch);
                foreach (var batch in loader)
                {
                    using var scope = torch.NewDisposeScope();
                    var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>();
                    steps++;
                }
            }
            Console.WriteLine($"epoch {epoch}: {total / steps:F4} ({steps} steps)");
        }
    }

    static InMemoryDataset LoadShard(string path)
    {
        // each shard file holds a [rows, 97] float tensor: 96 features then the class id
        using var rows = torch.load(path);
        return new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = rows[.., ..96].contiguous(),
            ["label"] = rows[.., 96].to(torch.int64),
        });
    }
}
