// Scenario: a brace-less `for` over epochs whose only statement is the batch loop; at the first batch the loop sets both the loader's epoch and its shard sampler's (`if (i == 0) { shard.SetEpoch(epoch); train.SetEpoch(epoch); }`): wrong (one epoch late) - CMP005 twice. Fix All moves both calls before the `foreach`, in their order, and gives the `for` braces.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.BracelessForTwoSettersInBatchLoop;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(400, 7), ["label"] = randint(0, 4, 400) });
        var shard = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 31);
        using var train = new EpochDataLoader(data, batchSize: 25, sampler: shard);
        var model = nn.Linear(7, 4);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);

        for (int epoch = 0; epoch < 6; epoch++)
            foreach (var (batch, i) in train.Select((b, i) => (b, i)))
            {
                if (i == 0)
                {
                    shard.SetEpoch(epoch); //! CMP005
                    train.SetEpoch(epoch); //! CMP005
                }
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
    }
}
