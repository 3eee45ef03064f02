// Scenario: multi-node job: the epoch is set inside `if (Dist.LocalRank == 0)` (one process per node), where a `switch (Dist.Rank)` has the global leader log a summary and every other node leader log node stats, both sections calling `train.SetEpoch(epoch)`. The switch covers every rank that enters the `if`, but the other GPUs of each node never enter it, so their shards replay epoch 0. Wrong: CMP002.md says a rank condition limits a setter when it is "the condition of an `if` ... between the setter and the epoch loop, the setter in one branch", and this `if` has no `else` that sets the loader: CMP002 on the iteration.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.SwitchGlobalRankInsideNodeLeaderIf;

public static class MultiNodeTraining
{
    public static void Train(Module<Tensor, Tensor> model, InMemoryDataset data, int epochs, int gpusPerNode)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 77);
        using var train = new EpochDataLoader(data, batchSize: 128, sampler: shard, dropLast: true);
        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (Dist.LocalRank == 0)
            {
                switch (Dist.Rank)
                {
                    case 0:
                        Console.WriteLine($"epoch {epoch}: {Dist.WorldSize / gpusPerNode} nodes, {Dist.WorldSize} ranks");
                        train.SetEpoch(epoch);
                        break;
                    default:
                        Console.WriteLine($"node {Dist.Rank / gpusPerNode}: starting epoch {epoch}");
                        train.SetEpoch(epoch);
                        break;
                }
            }

            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["image"]), batch["label"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }
            Dist.Barrier();
        }
    }
}
