// Scenario: each epoch sets the shard's epoch, then a retry loop refreshes the data set's index from object storage (`catch (IOException) when (attempt < 3) { continue; }`), iterates the loader after the `try`, and ends with `break;`. Correct: the README's retry loop "ends with a `break` out of it", and its only `continue` is inside a `catch`, so it is a retry loop and the epoch loop around it sets the epoch. Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.RetryRefreshThenIterate;

public interface IShardIndex
{
    void Refresh();
}

public sealed class ObjectStoreTrainer(Module<Tensor, Tensor> model, IShardIndex index)
{
    public void Fit(InMemoryDataset data, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 19);
        using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 32, dropLast: true));
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            shard.SetEpoch(epoch);
            for (int attempt = 0; attempt < 4; attempt++)
            {
                try
                {
                    index.Refresh();
                }
                catch (IOException ex) when (attempt < 3)
                {
                    Console.Error.WriteLine($"refresh failed ({ex.Message}), retrying");
                    Thread.Sleep(1000 * (attempt + 1));
                    continue;
                }

                model.train();
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = functional.cross_entropy(model.call(batch["x"]), batch["y"]);
                    loss.backward();
                    foreach (var p in model.parameters())
                        if (p.grad is { } g) Dist.AllReduce(g);
                    optimizer.step();
                }
                break;
            }
        }
    }
}
