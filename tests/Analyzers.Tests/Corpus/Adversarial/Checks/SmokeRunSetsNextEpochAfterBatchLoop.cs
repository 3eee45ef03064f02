// Scenario: a smoke run sets epoch 0 before its epoch loop and, at the end of each epoch after the foreach over the loader, sets epoch + 1 for the next one; the epoch changes every pass and is never set during the iteration (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Smoke;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class ShardedSmokeRun
{
    [Fact]
    public void Rank_one_of_two_trains_two_epochs_on_its_shard()
    {
        manual_seed(4);
        const int n = 800;
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(n, 24),
            ["label"] = randint(0, 4, new long[] { n }, dtype: ScalarType.Int64),
            ["index"] = arange(n, dtype: ScalarType.Int64),
        });
        var shard = new DistributedSampler(n, numReplicas: 2, rank: 1, seed: 13);
        using var loader = new EpochDataLoader(data, batchSize: 40, sampler: shard);

        var model = nn.Sequential(("fc1", nn.Linear(24, 48)), ("act", nn.SiLU()), ("drop", nn.Dropout(0.1)), ("fc2", nn.Linear(48, 4)));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.5);
        using var criterion = nn.CrossEntropyLoss();

        var orders = new List<long[]>();
        loader.SetEpoch(0);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            var order = new List<long>();
            model.train();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                criterion.forward(model.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
                order.AddRange(batch["index"].data<long>().ToArray());
            }
            scheduler.step();
            orders.Add(order.ToArray());

            // Ready the next epoch's shuffle now, so a checkpoint taken here resumes correctly.
            loader.SetEpoch(epoch + 1);
        }

        if (orders[0].Length != n / 2) throw new InvalidOperationException($"shard held {orders[0].Length} samples");
        if (orders[0].SequenceEqual(orders[1])) throw new InvalidOperationException("epoch 1 replayed epoch 0");
    }
}
